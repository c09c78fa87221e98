using System.Net;
using System.Net.Sockets;

namespace NewsAggregator.Fetching;

/// <summary>
/// Opens the TCP connections of our HttpClients: resolves the name with <see cref="IHostResolver"/>
/// and, for the public-only client, refuses local addresses. Checking here, on the addresses we are
/// about to connect to, is what makes the check immune to DNS rebinding. A connection to the
/// proxy is not checked: the operator named it, and <see cref="ProxiedLinkCheck"/> checks the link.
/// </summary>
internal sealed class GuardedConnector(LinkAddressCheck check, ProxyRoute route, bool publicOnly)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var checkedHere = publicOnly && !route.IsProxyOf(context.InitialRequestMessage.RequestUri, endpoint);
        var addresses = checkedHere
            ? await check.PublicAddressesAsync(endpoint.Host, cancellationToken)
            : await check.AddressesAsync(endpoint.Host, cancellationToken);

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
