using System.Net.Sockets;

namespace NewsAggregator.Fetching;

/// <summary>
/// The address check of the public-only client for requests that go through a proxy. There the
/// connection is to the proxy, so <see cref="GuardedConnector"/> cannot see where the link leads:
/// the link's host is resolved here, before the request, and refused when any of its addresses is
/// local. Weaker than the check at connect time: the proxy resolves the name again, and a name
/// that rebinds in between gets through. Requests that bypass the proxy (NO_PROXY) are left to
/// the connector.
/// </summary>
internal sealed class ProxiedLinkCheck(LinkAddressCheck check, ProxyRoute route) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } target && route.ProxyFor(target) is not null)
        {
            try
            {
                await check.EnsureOnlyPublicAsync(target.IdnHost, cancellationToken);
            }
            // Raised as SocketsHttpHandler raises what its connect callback throws, so callers see one kind of failure.
            catch (NetworkPolicyException e)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, e.Message, e);
            }
            catch (SocketException e)
            {
                throw new HttpRequestException(HttpRequestError.NameResolutionError, e.Message, e);
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
