using System.Net.Http.Headers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Protection;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Jichitai.Linkage.Delivery;

/// <summary>Posts one signed batch; Polly retries transient failures (exponential backoff with jitter) within the attempt.</summary>
public sealed class WebhookSender
{
    private readonly HttpClient _http;
    private readonly PersonalDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookSender(HttpClient http, PersonalDataProtector protector, LinkageOptions options, TimeProvider clock)
    {
        _http = http; _protector = protector; _clock = clock;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.ImmediateRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode is 408 or 429 or >= 500),
            })
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    /// <summary>Returns null on success, or the reason it failed (in Japanese, for the IT staff's page).</summary>
    public async Task<string?> SendAsync(ConsumerRow consumer, byte[] body, Guid deliveryId, CancellationToken ct)
    {
        var secret = _protector.Unprotect(consumer.TenantId, Consumers.ConsumerSecrets.WebhookSecretPurpose, consumer.WebhookSecretProtected!);
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, consumer.WebhookUrl) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
                request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString());
                return await _http.SendAsync(request, token);
            }, ct);
            return response.IsSuccessStatusCode ? null : $"送信先が HTTP {(int)response.StatusCode} を返しました。";
        }
        catch (TimeoutRejectedException) { return "送信先が時間内に応答しませんでした。"; }
        catch (HttpRequestException e) { return $"送信先に接続できませんでした({e.HttpRequestError})。"; }
    }
}
