using System.Net;

namespace NewsAggregator.Fetching;

/// <summary>
/// Which proxy, if any, carries a request: the decision <see cref="SocketsHttpHandler"/> makes
/// with the same <see cref="IWebProxy"/> (bypassed, else its proxy for the URL), made here too so
/// the address checks know whether they see the link's server or the proxy.
/// </summary>
internal sealed class ProxyRoute(IWebProxy? proxy)
{
    public IWebProxy? Proxy => proxy;

    /// <summary>The proxy a request to <paramref name="target"/> goes through, or null when it goes direct.</summary>
    public Uri? ProxyFor(Uri target) => proxy is null || proxy.IsBypassed(target) ? null : proxy.GetProxy(target);

    /// <summary>True when a connection to <paramref name="endpoint"/>, opened for a request to <paramref name="target"/>, is one to its proxy.</summary>
    public bool IsProxyOf(Uri? target, DnsEndPoint endpoint) =>
        target is not null
        && ProxyFor(target) is { } proxyUrl
        && string.Equals(proxyUrl.IdnHost, endpoint.Host, StringComparison.OrdinalIgnoreCase)
        && proxyUrl.Port == endpoint.Port;
}
