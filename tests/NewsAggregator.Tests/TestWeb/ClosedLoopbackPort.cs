using System.Net;
using System.Net.Sockets;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// A loopback port nothing listens on: bound once to learn a free number, then closed, so a
/// connection to it is refused at once (no waiting for a timeout, no traffic off the machine).
/// </summary>
public static class ClosedLoopbackPort
{
    public static int Take()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
