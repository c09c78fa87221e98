using System.Net;
using System.Net.Sockets;

namespace NewsAggregator.Fetching;

/// <summary>A connection refused because of where it would lead; the message says which address and why.</summary>
public sealed class NetworkPolicyException(string message) : Exception(message);

/// <summary>
/// Resolves a host with <see cref="IHostResolver"/> and holds its addresses against
/// <see cref="NetworkAddressPolicy"/>, for the requests that may not reach the local network.
/// </summary>
internal sealed class LinkAddressCheck(IHostResolver resolver)
{
    /// <summary>Every address of <paramref name="host"/> (a name or an IP literal, IPv6 with or without brackets).</summary>
    public async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>
    /// The public addresses of <paramref name="host"/>, for a connection we open ourselves: we
    /// pick among them, so a name that also has a local address can still be reached publicly.
    /// </summary>
    /// <exception cref="NetworkPolicyException">The host has no public address.</exception>
    public async Task<IPAddress[]> PublicAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await AddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(address => NetworkAddressPolicy.Classify(address) is null).ToArray();
        return allowed.Length > 0 ? allowed : throw Refusal(host, addresses[0]);
    }

    /// <summary>
    /// Refuses <paramref name="host"/> when any of its addresses is local, for a request a proxy
    /// makes: the proxy resolves the name again and chooses the address, so all must be public.
    /// </summary>
    /// <exception cref="NetworkPolicyException">Some address of the host is local.</exception>
    public async Task EnsureOnlyPublicAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await AddressesAsync(host, cancellationToken);
        if (addresses.FirstOrDefault(address => NetworkAddressPolicy.Classify(address) is not null) is { } local)
        {
            throw Refusal(host, local);
        }
    }

    private static NetworkPolicyException Refusal(string host, IPAddress address)
    {
        var named = IPAddress.TryParse(host.Trim('[', ']'), out _) ? $"{address} is " : $"{host} resolves to {address}, ";
        return new NetworkPolicyException(
            $"refused: {named}a {NetworkAddressPolicy.Classify(address)} address, and a link from a source on the " +
            "public internet may not lead to the local network");
    }
}
