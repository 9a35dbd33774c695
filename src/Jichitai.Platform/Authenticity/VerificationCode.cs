using System.Security.Cryptography;
using System.Text;

namespace Jichitai.Platform.Authenticity;

/// <summary>
/// 照合番号: 15 random Crockford base32 characters (75 bits, unguessable) and one Crockford check character
/// (value mod 37), printed as XXXX-XXXX-XXXX-XXXX. Typing is forgiving: case, hyphens, spaces, full-width
/// characters and the look-alikes I/L (→1) and O (→0) are accepted, as Crockford's base32 intends.
/// </summary>
public static class VerificationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string CheckAlphabet = Alphabet + "*~$=U";
    public const int RandomLength = 15;
    public const int Length = RandomLength + 1;

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < RandomLength; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var body = new string(chars);
        return body + CheckCharacter(body);
    }

    /// <summary>The canonical 16-character form, or null when the input is not a well-formed code with a correct check character.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var text = new StringBuilder();
        foreach (var c in input.Normalize(NormalizationForm.FormKC).ToUpperInvariant())
        {
            if (c is '-' or ' ' or '\u3000') continue;
            text.Append(c switch { 'I' or 'L' => '1', 'O' => '0', _ => c });
        }
        if (text.Length != Length) return null;
        var code = text.ToString();
        var body = code[..RandomLength];
        if (body.Any(c => !Alphabet.Contains(c))) return null;
        return code[^1] == CheckCharacter(body) ? code : null;
    }

    /// <summary>Grouped by four for printing and reading aloud.</summary>
    public static string Format(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));

    private static char CheckCharacter(string body)
    {
        var remainder = 0;
        foreach (var c in body) remainder = (remainder * 32 + Alphabet.IndexOf(c)) % 37;
        return CheckAlphabet[remainder];
    }
}
