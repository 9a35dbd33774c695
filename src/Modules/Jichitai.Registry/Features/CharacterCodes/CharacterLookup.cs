using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Text;
using Jichitai.Registry.Features.Search;

namespace Jichitai.Registry.Features.CharacterCodes;

/// <summary>One item of a 住民票 with the code of each of its characters.</summary>
public sealed record ItemCharacters(string Item, string Text, IReadOnlyList<CharacterCode> Characters)
{
    /// <summary>Characters a certificate printed on a JIS X 0208 system could not show as they are.</summary>
    public int OutsideJis0208 => Characters.Count(c => c.Set is CharacterSet.VendorExtension or CharacterSet.PrivateUse or CharacterSet.OutsideCp932);
}

/// <summary>文字コード照会 (standard 2.2.3): the codes of typed text, or of the name items of a resident (audited like any view).</summary>
public sealed class CharacterLookup(ResidentQueries residents)
{
    public const int MaxText = 200;

    public static ItemCharacters Describe(string? text)
    {
        if (string.IsNullOrEmpty(text)) throw new DomainException("request.required", "調べる文字を入力してください。", "text");
        if (text.Length > MaxText) throw new DomainException("registry.characters.length", $"一度に調べられるのは{MaxText}文字までです。", "text");
        return new ItemCharacters("入力した文字", text, Domain.Text.CharacterCodes.Describe(text));
    }

    public async Task<IReadOnlyList<ItemCharacters>> OfResidentAsync(string addresseeNumber, string? reason, AuditActor actor, CancellationToken ct)
    {
        var r = (await residents.GetAsync(addresseeNumber, null, actor, false, reason, ct, "文字コード照会")).Record;
        var items = new List<(string, string?)>
        {
            ("氏", r.FamilyName), ("名", r.GivenName), ("旧氏", r.FormerSurname), ("氏名(アルファベット)", r.Foreign?.AlphabetName),
            ("通称", r.Foreign?.CommonName), ("本籍", r.Domicile), ("筆頭者", r.DomicileHead), ("住所", r.Address.Display),
        };
        return items.Where(i => !string.IsNullOrEmpty(i.Item2))
            .Select(i => new ItemCharacters(i.Item1, i.Item2!, Domain.Text.CharacterCodes.Describe(i.Item2!))).ToList();
    }
}
