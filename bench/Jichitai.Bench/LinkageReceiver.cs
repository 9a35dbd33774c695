using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Jichitai.Linkage.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jichitai.Bench;

/// <summary>
/// A consumer system's webhook endpoint on loopback (Kestrel), as a real receiver would be: /hook checks every signature
/// (WebhookSignature.Verify) and refuses bad ones; /plain (the baseline's target) takes unsigned batches. Both read the
/// whole body and parse it, and count events. While <see cref="Recording"/>, /hook also records each event's latency:
/// receive time − the event's committedAt, and receive time − when the 異動 call returned (by movementId).
/// </summary>
internal sealed class LinkageReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    public string? Secret { get; set; }
    public Uri HookUrl { get; }
    public Uri PlainUrl { get; }
    public long Events;
    public long Batches;
    public long Bytes;
    public long BadSignatures;
    public volatile bool Recording;
    public ConcurrentQueue<double> FromCommittedAtMs { get; } = new();
    public ConcurrentQueue<double> FromReturnMs { get; } = new();
    /// <summary>movementId → when RegistryMovements.ExecuteAsync returned (after the commit), filled by the load generator.</summary>
    public ConcurrentDictionary<long, DateTime> Returned { get; } = new();
    private readonly ConcurrentQueue<(long MovementId, DateTime ReceivedAt)> _unmatched = new();

    private LinkageReceiver(WebApplication app, Uri baseUrl)
    {
        _app = app;
        HookUrl = new Uri(baseUrl, "hook");
        PlainUrl = new Uri(baseUrl, "plain");
    }

    public static async Task<LinkageReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LinkageReceiver? self = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            var receivedAt = DateTime.UtcNow;
            if (self!.Secret is null || !WebhookSignature.Verify(self.Secret, http.Request.Headers[WebhookSignature.TimestampHeader],
                    http.Request.Headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow))
            {
                Interlocked.Increment(ref self.BadSignatures);
                return Results.StatusCode(401);
            }
            self.Count(body, receivedAt, self.Recording);
            return Results.Ok();
        });
        app.MapPost("/plain", async (HttpContext http) =>
        {
            var body = await ReadAsync(http);
            self!.Count(body, DateTime.UtcNow, false);
            return Results.Ok();
        });
        await app.StartAsync();
        self = new LinkageReceiver(app, new Uri(app.Urls.First() + "/"));
        return self;
    }

    private static async Task<byte[]> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private void Count(byte[] body, DateTime receivedAt, bool record)
    {
        using var doc = JsonDocument.Parse(body);
        var events = doc.RootElement.GetProperty("events");
        var n = events.GetArrayLength();
        if (record)
            foreach (var e in events.EnumerateArray())
            {
                var committedAt = DateTime.Parse(e.GetProperty("committedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                FromCommittedAtMs.Enqueue((receivedAt - committedAt).TotalMilliseconds);
                var movementId = e.GetProperty("movementId").GetInt64();
                if (Returned.TryGetValue(movementId, out var returned)) FromReturnMs.Enqueue((receivedAt - returned).TotalMilliseconds);
                else _unmatched.Enqueue((movementId, receivedAt)); // delivered before the writer noted its return: matched at the end
            }
        Interlocked.Add(ref Bytes, body.Length);
        Interlocked.Increment(ref Batches);
        Interlocked.Add(ref Events, n);
    }

    /// <summary>Events that arrived before their writer recorded the return of ExecuteAsync: latency from the return is ≤ 0 for them.</summary>
    public void MatchLate()
    {
        while (_unmatched.TryDequeue(out var u))
            if (Returned.TryGetValue(u.MovementId, out var returned)) FromReturnMs.Enqueue((u.ReceivedAt - returned).TotalMilliseconds);
    }

    public void Reset()
    {
        Recording = false;
        Interlocked.Exchange(ref Events, 0);
        Interlocked.Exchange(ref Batches, 0);
        Interlocked.Exchange(ref Bytes, 0);
        FromCommittedAtMs.Clear();
        FromReturnMs.Clear();
        Returned.Clear();
        _unmatched.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
