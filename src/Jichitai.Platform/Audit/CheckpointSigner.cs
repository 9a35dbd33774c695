using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jichitai.Platform.Audit;

/// <summary>
/// Signs chain heads with an HMAC key that lives outside the database (a key file), so that whoever can
/// rewrite the database cannot forge an anchor: truncating or rewriting an anchored chain is detected.
/// </summary>
public sealed class CheckpointSigner(byte[] key)
{
    /// <summary>The signer for writing checkpoints: creates the key on first use.</summary>
    public static CheckpointSigner FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(path, Convert.ToBase64String(fresh));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new CheckpointSigner(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>The signer for verifying: never creates a key (a wrong key directory must not look like forged checkpoints).</summary>
    public static CheckpointSigner? TryLoad(string path) =>
        File.Exists(path) ? new CheckpointSigner(Convert.FromBase64String(File.ReadAllText(path).Trim())) : null;

    public string Sign(int chainId, long seq, string hash, DateTime at) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Payload(chainId, seq, hash, at))));

    public bool Verify(AuditCheckpoint c) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(c.ChainId, c.Seq, c.Hash, c.At)), Encoding.ASCII.GetBytes(c.Signature));

    private static string Payload(int chainId, long seq, string hash, DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"checkpoint-v1|{chainId}|{seq}|{hash}|{at.Ticks}");
}
