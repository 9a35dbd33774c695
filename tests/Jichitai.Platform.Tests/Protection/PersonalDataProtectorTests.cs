using System.Security.Cryptography;
using Jichitai.Platform.Protection;

namespace Jichitai.Platform.Tests.Protection;

public class PersonalDataProtectorTests
{
    private static readonly PersonalDataProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void RoundTrip_AndCiphertextNeverContainsThePlaintext()
    {
        var c = Protector.Protect(1, "personal-number", "123456789018");
        Assert.StartsWith("enc1:", c);
        Assert.DoesNotContain("123456789018", c);
        Assert.Equal("123456789018", Protector.Unprotect(1, "personal-number", c));
        Assert.NotEqual(c, Protector.Protect(1, "personal-number", "123456789018")); // random nonce
    }

    [Fact]
    public void AnotherTenantOrPurpose_CannotDecrypt()
    {
        var c = Protector.Protect(1, "personal-number", "123456789018");
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(2, "personal-number", c));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(1, "resident-code", c));
    }

    [Fact]
    public void Tampering_IsDetected()
    {
        var c = Protector.Protect(1, "personal-number", "123456789018");
        var bytes = Convert.FromBase64String(c[5..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(1, "personal-number", "enc1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void BlindIndex_IsStablePerTenant_AndDiffersAcrossTenantsAndKeys()
    {
        Assert.Equal(Protector.BlindIndex(1, "pn", "123456789018"), Protector.BlindIndex(1, "pn", "123456789018"));
        Assert.NotEqual(Protector.BlindIndex(1, "pn", "123456789018"), Protector.BlindIndex(2, "pn", "123456789018"));
        Assert.NotEqual(Protector.BlindIndex(1, "pn", "123456789018"), new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)).BlindIndex(1, "pn", "123456789018"));
    }
}
