using System.Security.Cryptography;
using System.Text;

namespace Jichitai.Linkage.Delivery;

/// <summary>
/// The signature of a webhook delivery (docs/linkage.md): HMAC-SHA256 with the consumer's secret over
/// "{timestamp}.{body}", hex, sent as <c>X-Jichitai-Signature: v1=…</c> with <c>X-Jichitai-Timestamp</c> (Unix seconds).
/// The receiver recomputes it and refuses a timestamp older than five minutes (replay protection).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Jichitai-Signature";
    public const string TimestampHeader = "X-Jichitai-Timestamp";
    public const string DeliveryHeader = "X-Jichitai-Delivery";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>What a receiver does (and what the tests and the bench's receiver do).</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (!long.TryParse(timestampHeader, out var ts) || signatureHeader is null) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > Tolerance) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, ts, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
