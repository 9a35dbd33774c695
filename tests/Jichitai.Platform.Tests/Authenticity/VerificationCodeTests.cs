using Jichitai.Platform.Authenticity;

namespace Jichitai.Platform.Tests.Authenticity;

public class VerificationCodeTests
{
    [Fact]
    public void NewCodes_AreWellFormed_AndDoNotRepeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.NewCode()).ToList();

        Assert.All(codes, c => Assert.Equal(c, VerificationCode.Normalize(c)));
        Assert.All(codes, c => Assert.Equal(VerificationCode.Length, c.Length));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void TypedForms_AreAccepted()
    {
        var code = VerificationCode.NewCode();
        var formatted = VerificationCode.Format(code);

        Assert.Equal(19, formatted.Length);
        Assert.Equal(code, VerificationCode.Normalize(formatted.ToLowerInvariant()));
        Assert.Equal(code, VerificationCode.Normalize(" " + formatted.Replace("-", " ") + " "));
        // Full-width input from a Japanese IME.
        Assert.Equal(code, VerificationCode.Normalize(string.Concat(formatted.Select(c => c == '-' ? '－' : (char)(c + 0xFEE0)))));
    }

    [Fact]
    public void LookAlikeLetters_AreReadAsDigits()
    {
        const string code = "0123456789ABCDE";
        var withCheck = Enumerable.Range(0, 37).Select(i => code + "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U"[i]).Single(c => VerificationCode.Normalize(c) is not null);

        Assert.Equal(withCheck, VerificationCode.Normalize("O" + "I" + withCheck[2..]));
        Assert.Equal(withCheck, VerificationCode.Normalize("o" + "l" + withCheck[2..]));
    }

    [Fact]
    public void EverySingleCharacterTypo_IsCaughtByTheCheckCharacter()
    {
        var code = VerificationCode.NewCode();
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (var i = 0; i < VerificationCode.RandomLength; i++)
            foreach (var c in alphabet.Where(c => c != code[i]))
                Assert.Null(VerificationCode.Normalize(code[..i] + c + code[(i + 1)..]));
    }

    [Fact]
    public void AdjacentTranspositions_AreCaught()
    {
        for (var n = 0; n < 200; n++)
        {
            var code = VerificationCode.NewCode();
            for (var i = 0; i + 1 < VerificationCode.RandomLength; i++)
            {
                if (code[i] == code[i + 1]) continue;
                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                Assert.Null(VerificationCode.Normalize(swapped));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("0123456789ABCDEFG")]
    [InlineData("0123456789ABCDU*")] // U is a check symbol only
    public void Malformed_IsRejected(string input) => Assert.Null(VerificationCode.Normalize(input));
}
