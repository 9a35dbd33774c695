using Jichitai.Care.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Qualification;

public sealed record InsuredHit(string AddresseeNumber, string? InsuredNumber, string Name, string NameKana, DateOnly BirthDate, string Status, string? Address);

/// <summary>被保険者の検索 (資格照会の入口): by 被保険者番号, 宛名番号, or the start of the name or its kana. Audited.</summary>
public sealed class InsuredSearch(PlatformSettings settings, IAuditLog audit)
{
    public async Task<IReadOnlyList<InsuredHit>> SearchAsync(int tenantId, string? term, AuditActor actor, CancellationToken ct)
    {
        var t = term?.Trim().Replace('　', ' ') ?? "";
        if (t.Length == 0) throw new DomainException("care.search.term", "被保険者番号・宛名番号・氏名(カナ)のいずれかを入力してください。", "term");
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var query = from p in db.People.AsNoTracking()
                    join i in db.Insured.AsNoTracking() on p.AddresseeNumber equals i.AddresseeNumber into g
                    from i in g.DefaultIfEmpty()
                    select new { p, InsuredNumber = i == null ? null : i.InsuredNumber };
        query = t.All(char.IsAsciiDigit)
            ? query.Where(x => x.InsuredNumber == t || x.p.AddresseeNumber == t)
            : query.Where(x => x.p.Name.StartsWith(t) || x.p.NameKana.StartsWith(t));
        var hits = await query.OrderBy(x => x.p.NameKana).Take(100)
            .Select(x => new InsuredHit(x.p.AddresseeNumber, x.InsuredNumber, x.p.Name, x.p.NameKana, x.p.BirthDate, x.p.Status, x.p.Address)).ToListAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareQualification, TargetType: "care.search", Detail: $"被保険者検索 {hits.Count}件"), ct);
        return hits;
    }
}
