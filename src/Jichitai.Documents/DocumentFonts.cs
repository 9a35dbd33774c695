using SkiaSharp;

namespace Jichitai.Documents;

/// <summary>
/// The fonts a document is set in: the main font, then fallbacks tried in order for characters the main font lacks,
/// then (optionally) any font installed on the machine. Which font drew which character is reported in the result.
/// </summary>
public sealed class DocumentFonts : IDisposable
{
    /// <summary>The product's font, shipped in the build output (Noto Serif CJK JP with the CJK radicals removed from its cmap; see Fonts/README.md).</summary>
    public const string ShippedFontFile = "NotoSerifCJKjp-Regular-Jichitai.otf";

    private static readonly Lazy<DocumentFonts> ShippedInstance = new(() => FromFiles(ShippedFontPath, [], useSystemFallback: true));

    private readonly bool ownsTypefaces;

    public DocumentFonts(SKTypeface primary, IReadOnlyList<SKTypeface> fallbacks, bool useSystemFallback, bool ownsTypefaces = false)
    {
        Primary = primary;
        Fallbacks = fallbacks;
        UseSystemFallback = useSystemFallback;
        this.ownsTypefaces = ownsTypefaces;
    }

    public SKTypeface Primary { get; }
    public IReadOnlyList<SKTypeface> Fallbacks { get; }
    /// <summary>Ask the machine's font manager (fontconfig) for a font when neither the main font nor a listed fallback has a character.</summary>
    public bool UseSystemFallback { get; }

    /// <summary>The shipped font, with the machine's fonts as last resort. Shared and never disposed.</summary>
    public static DocumentFonts Shipped => ShippedInstance.Value;

    public static string ShippedFontPath => Path.Combine(AppContext.BaseDirectory, "Fonts", ShippedFontFile);

    /// <summary>Loads fonts from files (face 0 of a collection unless "path#index" is given).</summary>
    public static DocumentFonts FromFiles(string primary, IEnumerable<string> fallbacks, bool useSystemFallback)
    {
        var main = Load(primary);
        return new DocumentFonts(main, fallbacks.Select(Load).ToList(), useSystemFallback, ownsTypefaces: true);
    }

    private static SKTypeface Load(string spec)
    {
        var hash = spec.LastIndexOf('#');
        var (path, index) = hash > 0 && int.TryParse(spec[(hash + 1)..], out var i) ? (spec[..hash], i) : (spec, 0);
        if (!File.Exists(path)) throw new FileNotFoundException($"フォントファイルが見つかりません: {path}", path);
        return SKTypeface.FromFile(path, index) ?? throw new InvalidOperationException($"フォントを読み込めません: {spec}");
    }

    /// <summary>The first font that has a glyph for the code point, or null when no font has one.</summary>
    internal SKTypeface? FontFor(int codePoint) => chosen.GetOrAdd(codePoint, Choose);

    // The choice for a code point never changes for a given set of fonts: decided once, not per character drawn.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SKTypeface?> chosen = new();

    private SKTypeface? Choose(int codePoint)
    {
        if (Has(Primary, codePoint)) return Primary;
        foreach (var fallback in Fallbacks)
            if (Has(fallback, codePoint)) return fallback;
        if (!UseSystemFallback) return null;
        return systemMatches.GetOrAdd(codePoint, cp =>
        {
            var match = SKFontManager.Default.MatchCharacter(cp);
            return match is not null && Has(match, cp) ? match : null;
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SKTypeface?> systemMatches = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SKTypeface, SKFont> coverage = new();

    private bool Has(SKTypeface typeface, int codePoint) =>
        coverage.GetOrAdd(typeface, t => new SKFont(t)).ContainsGlyph(codePoint);

    public void Dispose()
    {
        if (!ownsTypefaces) return;
        Primary.Dispose();
        foreach (var f in Fallbacks) f.Dispose();
    }
}
