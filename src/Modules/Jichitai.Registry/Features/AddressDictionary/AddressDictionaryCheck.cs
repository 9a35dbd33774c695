using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Addresses;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.AddressDictionary;

/// <summary>
/// The 住所 of a 異動 against the 住所辞書 (standard 1.3.3):
/// - with a 住所コード: it must be this municipality's code and an entry active on the 異動日; the 町字 and (when left
///   empty) the 郵便番号 come from the entry, and a 町字 typed differently from the entry's is refused;
/// - without one: a 町字 written exactly as an active entry gets that entry's code; any other 町字 is accepted as typed,
///   without a code. The standard asks for a dictionary kept current by staff and for old 町名 to stay enterable;
///   refusing an address missing from the dictionary would stop a 届出 at the counter whenever the dictionary lags.
///   The read-back screen tells the clerk that the 町字 is not in the dictionary.
/// </summary>
public static class AddressDictionaryCheck
{
    public static async Task<Address> AddressFromDictionaryAsync(this MovementSession session, AddressInput input, DateOnly on, CancellationToken ct) =>
        PersonFactory.ToAddress((await ResolveAsync(session.Db, input, on, "address", ct)).Input);

    /// <summary>The input completed from the dictionary, and the entry used (null: not in the dictionary).</summary>
    public static async Task<(AddressInput Input, AddressEntryRow? Entry)> ResolveAsync(RegistryDbContext db, AddressInput input, DateOnly on, string field, CancellationToken ct)
    {
        var code = AddressCode.Normalize(input.AddressCode);
        if (code is null)
        {
            var town = input.Town?.Trim();
            if (string.IsNullOrEmpty(town)) return (input, null);
            // A tenant's dictionary holds hundreds to a few thousand 町字: matching the composed name in memory is cheap.
            var named = (await db.AddressEntries.AsNoTracking().ToListAsync(ct)).Where(e => e.AddressText == town && e.ActiveOn(on)).ToList();
            return named.Count == 1 ? (Complete(input, named[0]), named[0]) : (input, null);
        }
        if (AddressCode.Check(code) is { } bad) throw new DomainException("registry.address.code-format", bad, field + ".addressCode");
        var tenantCode = await TenantCodeAsync(db, ct);
        if (!AddressCode.BelongsTo(code, tenantCode))
            throw new DomainException("registry.address.other-municipality",
                $"住所コード {code} は他の市区町村のコードです(本団体の住所コードは {tenantCode[..5]} で始まります)。", field + ".addressCode");
        var entry = await db.AddressEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, ct)
            ?? throw new DomainException("registry.address.unknown-code", $"住所コード {code} は住所辞書にありません。住所辞書に登録するか、住所コードを空欄にして入力してください。", field + ".addressCode");
        if (!entry.ActiveOn(on))
            throw new DomainException("registry.address.inactive",
                entry.ValidFrom > on
                    ? $"町字「{entry.AddressText}」(住所コード {code})は {entry.ValidFrom:yyyy-MM-dd} に設けられた町字です。異動日 {on:yyyy-MM-dd} には使えません(標準仕様書 1.3.3)。"
                    : $"町字「{entry.AddressText}」(住所コード {code})は {entry.AbolishedOn:yyyy-MM-dd} に廃止されています。異動日 {on:yyyy-MM-dd} には使えません(標準仕様書 1.3.3)。",
                field + ".addressCode");
        if (!string.IsNullOrWhiteSpace(input.Town) && input.Town.Trim() != entry.AddressText)
            throw new DomainException("registry.address.town-mismatch",
                $"町字「{input.Town.Trim()}」は住所コード {code} の町字「{entry.AddressText}」と一致しません。", field + ".town");
        return (Complete(input, entry), entry);
    }

    private static AddressInput Complete(AddressInput input, AddressEntryRow entry) => input with
    {
        AddressCode = entry.Code,
        Town = entry.AddressText,
        // A large building can have its own 郵便番号: one typed by the clerk is kept.
        PostalCode = string.IsNullOrWhiteSpace(input.PostalCode) ? entry.PostalCode : input.PostalCode,
    };

    /// <summary>The tenant's 地方公共団体コード (platform_tenants has no tenant filter: it names the tenants themselves).</summary>
    internal static async Task<string> TenantCodeAsync(RegistryDbContext db, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが操作できます。");
        return (await db.Database.SqlQuery<string>($"SELECT code AS \"Value\" FROM platform_tenants WHERE id = {tenantId}").ToListAsync(ct)).Single();
    }
}
