using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>The exchange routes' one shape: read the body, call the handler as the caller, answer its outcome.</summary>
internal static class ExchangeCall
{
    public static async Task<IResult> Write<TRequest>(HttpContext http, JsonSerializerOptions json,
        Func<Caller, TRequest, CancellationToken, Task<Outcome<ExchangeDone>>> handler) where TRequest : class
    {
        var (body, problem) = await RequestReader.ReadAsync<TRequest>(http, json);
        if (problem is not null) return problem;
        return (await handler(Caller.Of(http.User), body!, http.RequestAborted)).ToResult(done => TypedResults.Ok(ExchangeOperationView.Of(done)));
    }
}
