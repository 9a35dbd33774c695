using System.Security.Cryptography;

namespace Jichitai.Documents;

public enum ProblemKind
{
    /// <summary>文字溢れ: the text does not fit its box even at the minimum size (it is drawn whole, overflowing).</summary>
    TextOverflow,
    /// <summary>No font has the character (drawn as the main font's .notdef box).</summary>
    MissingCharacter,
}

/// <summary>A reason the document must not be issued as it is.</summary>
public sealed record LayoutProblem(ProblemKind Kind, int Page, string Label, string Message, IReadOnlyList<int> CodePoints);

/// <summary>A character drawn from a fallback font (外字 candidates the clerk may want to check).</summary>
public sealed record FallbackUse(int CodePoint, string FontFamily)
{
    public string Character => char.ConvertFromUtf32(CodePoint);
}

/// <summary>An 異体字セレクタ that was not applied: the base character was drawn.</summary>
public sealed record IgnoredVariationSelector(int BaseCodePoint, int Selector);

/// <summary>The PDF and everything the caller needs to decide whether it may be issued.</summary>
public sealed class DocumentResult(
    byte[] pdf, int pageCount, IReadOnlyList<LayoutProblem> problems, IReadOnlyList<FallbackUse> fallbacks,
    IReadOnlyList<IgnoredVariationSelector> ignoredSelectors)
{
    public byte[] Pdf { get; } = pdf;
    public int PageCount { get; } = pageCount;
    public IReadOnlyList<LayoutProblem> Problems { get; } = problems;
    public IReadOnlyList<FallbackUse> Fallbacks { get; } = fallbacks;
    public IReadOnlyList<IgnoredVariationSelector> IgnoredVariationSelectors { get; } = ignoredSelectors;

    /// <summary>No overflow and no missing character: safe to issue.</summary>
    public bool IsComplete => Problems.Count == 0;

    /// <summary>Lower-case hex SHA-256 of the PDF bytes, as recorded for the authenticity check.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Pdf));

    /// <summary>Refuses an incomplete document with one Japanese message per problem.</summary>
    public DocumentResult EnsureComplete() =>
        IsComplete ? this : throw new DocumentIncompleteException(Problems);
}

public sealed class DocumentIncompleteException(IReadOnlyList<LayoutProblem> problems)
    : Exception("帳票を作成できません: " + string.Join(" / ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<LayoutProblem> Problems { get; } = problems;
}
