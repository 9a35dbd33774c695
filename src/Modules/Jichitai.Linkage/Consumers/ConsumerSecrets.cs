using System.Security.Cryptography;
using System.Text;

namespace Jichitai.Linkage.Consumers;

/// <summary>API keys and webhook secrets: random, shown once; keys stored only as SHA-256.</summary>
public static class ConsumerSecrets
{
    public const string ApiKeyPrefix = "jck_";
    public const string WebhookSecretPurpose = "linkage.webhook-secret";

    public static string NewApiKey() => ApiKeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
    public static string NewWebhookSecret() => "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
