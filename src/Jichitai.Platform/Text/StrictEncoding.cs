using System.Text;

namespace Jichitai.Platform.Text;

/// <summary>
/// The two encodings of files exchanged with other systems (移行, 連携): UTF-8 (lossless, the default) and CP932 (Windows-31J, what older systems call Shift_JIS).
/// Both are strict: a character the encoding cannot hold is reported with its code point, never replaced.
/// </summary>
public sealed class StrictEncoding
{
    public const char Undecodable = '\uFFFD';

    private StrictEncoding(string name, Encoding writing, Encoding reading) => (Name, Writing, Reading) = (name, writing, reading);

    public string Name { get; }
    /// <summary>Throws on a character it cannot encode; writes no BOM.</summary>
    public Encoding Writing { get; }
    /// <summary>Turns undecodable bytes into U+FFFD, which the reader then reports with its line and column.</summary>
    public Encoding Reading { get; }

    public static StrictEncoding Utf8 { get; } = new("utf-8",
        new UTF8Encoding(false, throwOnInvalidBytes: true),
        Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Undecodable.ToString())));

    public static StrictEncoding Cp932 { get; } = CreateCp932();

    private static StrictEncoding CreateCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new("cp932",
            Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Undecodable.ToString())));
    }

    public static IReadOnlyList<string> Names { get; } = ["utf-8", "cp932"];

    public static StrictEncoding Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "utf-8" or "utf8" => Utf8,
        "cp932" or "shift_jis" or "sjis" or "windows-31j" => Cp932,
        _ => throw new ArgumentException($"文字コード「{name}」には対応していません(utf-8 または cp932)"),
    };

    /// <summary>The first character of <paramref name="text"/> this encoding cannot hold, as "U+20BB7 (𠮷)", or null.</summary>
    public string? Unencodable(string text)
    {
        if (this == Utf8)
        {
            // UTF-8 holds every scalar value; only a lone surrogate cannot be written.
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (char.IsSurrogate(text[i])) return $"U+{(int)text[i]:X4}";
            }
            return null;
        }
        try
        {
            Writing.GetByteCount(text);
            return null;
        }
        catch (EncoderFallbackException e)
        {
            var cp = e.CharUnknownHigh != '\0' ? char.ConvertToUtf32(e.CharUnknownHigh, e.CharUnknownLow) : e.CharUnknown;
            return $"U+{cp:X4} ({char.ConvertFromUtf32(cp)})";
        }
    }
}
