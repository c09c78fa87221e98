using System.Net;
using System.Net.Sockets;
using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// A resolver that knows only the names a test gives it, so a "public" name can lead to a
/// loopback server (or to a public address no test ever connects to). Nothing else resolves:
/// no test may leave the machine.
/// </summary>
public sealed class TestNames(params (string Name, IPAddress Address)[] names) : IHostResolver
{
    /// <summary>A public address of the documentation range (RFC 5737) that nothing answers on.</summary>
    public static readonly IPAddress PublicAddress = IPAddress.Parse("192.0.2.10");

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = names.Where(n => string.Equals(n.Name, host, StringComparison.OrdinalIgnoreCase)).Select(n => n.Address).ToArray();
        return addresses.Length > 0
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
