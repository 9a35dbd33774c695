using System.Security.Cryptography;
using System.Text;

namespace Jichitai.Platform.Protection;

/// <summary>
/// Central encryption of the most sensitive items (個人番号 and the like). AES-256-GCM with a key derived per tenant
/// and purpose from a master key kept in the key directory (never in the database), so that a row copied to another
/// tenant or another column does not decrypt. Exact-match lookup goes through a keyed hash (blind index).
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Marker = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _master;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length < 32) throw new ArgumentException("master key must be at least 256 bits", nameof(masterKey));
        _master = masterKey;
    }

    public static PersonalDataProtector FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new PersonalDataProtector(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public string Protect(int tenantId, string purpose, string plaintext)
    {
        var key = DeriveKey(tenantId, "enc:" + purpose);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), AssociatedData(tenantId, purpose));
        return Marker + Convert.ToBase64String(output);
    }

    public string Unprotect(int tenantId, string purpose, string protectedValue)
    {
        if (!protectedValue.StartsWith(Marker, StringComparison.Ordinal)) throw new CryptographicException("not a protected value");
        var input = Convert.FromBase64String(protectedValue[Marker.Length..]);
        var key = DeriveKey(tenantId, "enc:" + purpose);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, AssociatedData(tenantId, purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Deterministic keyed hash for exact-match search; useless without the master key.</summary>
    public string BlindIndex(int tenantId, string purpose, string plaintext) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(DeriveKey(tenantId, "idx:" + purpose), Encoding.UTF8.GetBytes(plaintext)));

    private byte[] DeriveKey(int tenantId, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _master, 32, info: Encoding.UTF8.GetBytes($"jichitai|tenant:{tenantId}|{purpose}"));

    private static byte[] AssociatedData(int tenantId, string purpose) => Encoding.UTF8.GetBytes($"{tenantId}|{purpose}");
}
