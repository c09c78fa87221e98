using Microsoft.AspNetCore.Http;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>A canned answer for a path, for faults the fixture files cannot express (a 500, a 503).</summary>
public sealed record ProgrammedResponse(int StatusCode, string ContentType = "text/html; charset=utf-8", string Body = "")
{
    public static readonly ProgrammedResponse NotFound =
        new(StatusCodes.Status404NotFound, Body: "<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>");

    public static readonly ProgrammedResponse ServerError =
        new(StatusCodes.Status500InternalServerError, Body: "<!DOCTYPE html><title>Error</title><h1>Internal server error</h1>");

    internal Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(Body);
    }
}
