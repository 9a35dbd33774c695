namespace Jichitai.Registry.Domain.Numbering;

/// <summary>Modulus 11, weights 2–7 from the right (M11W2-7): the check digit of 宛名番号 and 世帯番号.</summary>
public static class Modulus11
{
    // 標準1.1.13 (j130): M11W2〜7, 余り0 → 0. 余り1 (11−1 = 10) is not fixed there; like most municipal codes we write 0.
    public static int CheckDigit(ReadOnlySpan<char> body)
    {
        var (sum, weight) = (0, 2);
        for (var i = body.Length - 1; i >= 0; i--)
        {
            sum += (body[i] - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }
}

/// <summary>A sequence number followed by its <see cref="Modulus11"/> check digit (標準1.1.13: 単純連番 + 検査数字).</summary>
internal static class CheckedSequenceNumber
{
    public static string Create(long sequence, int length, string name)
    {
        var max = 1L;
        for (var i = 1; i < length; i++) max *= 10;
        max--;
        if (sequence < 1 || sequence > max)
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"{name}の連番は1〜{max}です。");
        var body = sequence.ToString(new string('0', length - 1), System.Globalization.CultureInfo.InvariantCulture);
        return body + (char)('0' + Modulus11.CheckDigit(body));
    }

    public static bool IsValid(string? number, int length, string name, out string? error)
    {
        error = string.IsNullOrEmpty(number) ? $"{name}を入力してください"
            : !number.All(char.IsAsciiDigit) ? $"{name}は半角数字で入力してください"
            : number.Length != length ? $"{name}は{length}桁で入力してください(入力は{number.Length}桁)"
            : Modulus11.CheckDigit(number.AsSpan(0, length - 1)) != number[^1] - '0'
                ? $"{name}の検査数字({length}桁目)が正しくありません。入力誤りがないか確認してください"
            : null;
        return error is null;
    }
}
