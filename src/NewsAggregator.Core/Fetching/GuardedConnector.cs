using System.Net;
using System.Net.Sockets;

namespace NewsAggregator.Fetching;

/// <summary>A connection refused because of where it would lead; the message says which address and why.</summary>
public sealed class NetworkPolicyException(string message) : Exception(message);

/// <summary>
/// Opens the TCP connections of our HttpClients: resolves the name with <see cref="IHostResolver"/>
/// and, for the public-only client, refuses local addresses. Checking here, on the addresses we are
/// about to connect to, is what makes the check immune to DNS rebinding.
/// </summary>
internal sealed class GuardedConnector(IHostResolver resolver, bool publicOnly)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = addresses;
        if (publicOnly)
        {
            allowed = addresses.Where(address => NetworkAddressPolicy.Classify(address) is null).ToArray();
            if (allowed.Length == 0)
            {
                var address = addresses[0];
                var named = literal is null ? $"{host} resolves to {address}, " : $"{address} is ";
                throw new NetworkPolicyException(
                    $"refused: {named}a {NetworkAddressPolicy.Classify(address)} address, and a link from a source on the " +
                    "public internet may not lead to the local network");
            }
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
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
