using Microsoft.AspNetCore.Http;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>A loopback site's pages by path, as bytes with their Content-Type; any other path is 404.</summary>
internal sealed class ServedPages
{
    private readonly Dictionary<string, (byte[] Body, string ContentType)> _pages = new(StringComparer.Ordinal);

    public void Serve(string path, byte[] body, string contentType) => _pages[path] = (body, contentType);

    public void Serve(string path, string html) => Serve(path, System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    /// <summary>The bytes served at <paramref name="path"/>.</summary>
    public byte[] BodyAt(string path) => _pages[path].Body;

    /// <summary>The request handler: give it to <see cref="LoopbackServer.StartAsync"/>.</summary>
    public Task AnswerAsync(HttpContext context)
    {
        if (!_pages.TryGetValue(context.Request.Path.Value ?? "", out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.ContentType = page.ContentType;
        return context.Response.Body.WriteAsync(page.Body).AsTask();
    }
}
