using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Jichitai.Linkage.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jichitai.Linkage.Tests;

/// <summary>A consumer system's webhook endpoint on a loopback port: checks the signature, records every event, can be told to fail.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<JsonObject> Events { get; } = new();
    public int Batches;
    public int BadSignatures;
    /// <summary>While true, answers 503 (the consumer system is down).</summary>
    public volatile bool Down;
    public TimeSpan Delay = TimeSpan.Zero;
    public string? Secret { get; set; }
    public Uri Url { get; }

    private WebhookReceiver(WebApplication app, Uri url) { _app = app; Url = url; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (self!.Down) return Results.StatusCode(503);
            if (self.Delay > TimeSpan.Zero) await Task.Delay(self.Delay);
            if (self.Secret is null || !WebhookSignature.Verify(self.Secret, http.Request.Headers[WebhookSignature.TimestampHeader], http.Request.Headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow))
            {
                Interlocked.Increment(ref self.BadSignatures);
                return Results.StatusCode(401);
            }
            var batch = JsonNode.Parse(body)!.AsObject();
            foreach (var e in batch["events"]!.AsArray()) self.Events.Enqueue(e!.AsObject());
            Interlocked.Increment(ref self.Batches);
            return Results.Ok();
        });
        await app.StartAsync();
        var url = new Uri(app.Urls.First() + "/hook");
        self = new WebhookReceiver(app, url);
        return self;
    }

    public List<long> Sequences => Events.Select(e => e["sequence"]!.GetValue<long>()).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
