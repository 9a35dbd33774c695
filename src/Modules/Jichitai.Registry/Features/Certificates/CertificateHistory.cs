using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>交付履歴照会 (標準2.2.2): searchable by every item of 1.3.8; each search is written to the access log.</summary>
public sealed class CertificateHistory(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit)
{
    public async Task<IReadOnlyList<CertificateIssueView>> SearchAsync(CertificateHistoryQuery query, AuditActor actor, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        if (query.From is { } f && query.To is { } t && t < f)
            throw new DomainException("registry.certificate.history-period", "期間の終わりが始まりより前になっています。", "to");
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var rows = db.CertificateIssues.AsNoTracking().Include(i => i.Subjects).AsQueryable();
        var used = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.AddresseeNumber))
        {
            var number = query.AddresseeNumber.Trim();
            rows = rows.Where(i => i.Subjects.Any(s => s.AddresseeNumber == number));
            used.Add($"宛名番号 {number}");
        }
        if (query.From is { } from) { var utc = JapanTime.StartOfDayUtc(from); rows = rows.Where(i => i.IssuedAt >= utc); used.Add($"{from:yyyy-MM-dd}から"); }
        if (query.To is { } to) { var utc = JapanTime.StartOfDayUtc(to.AddDays(1)); rows = rows.Where(i => i.IssuedAt < utc); used.Add($"{to:yyyy-MM-dd}まで"); }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var kind = CertificateNames.ParseKind(query.Kind)
                ?? throw new DomainException("registry.certificate.kind", $"証明書の種類「{query.Kind}」はありません。", "kind");
            rows = rows.Where(i => i.Kind == kind);
            used.Add(CertificateNames.Kind(kind));
        }
        if (!string.IsNullOrWhiteSpace(query.IssueNumber)) { var n = query.IssueNumber.Trim(); rows = rows.Where(i => i.IssueNumber.Contains(n)); used.Add($"発行番号 {n}"); }
        if (!string.IsNullOrWhiteSpace(query.IssuedBy)) { var n = query.IssuedBy.Trim(); rows = rows.Where(i => i.IssuedByName == n); used.Add($"交付者 {n}"); }
        if (!string.IsNullOrWhiteSpace(query.Terminal)) { var n = query.Terminal.Trim(); rows = rows.Where(i => i.IssuedTerminal == n); used.Add($"端末 {n}"); }
        if (!string.IsNullOrWhiteSpace(query.Location)) { var n = query.Location.Trim(); rows = rows.Where(i => i.IssuedLocation == n); used.Add($"交付場所 {n}"); }
        if (query.DisposedOnly) { rows = rows.Where(i => i.DisposedAt != null); used.Add("処分済み"); }
        if (used.Count == 0)
            throw new DomainException("registry.certificate.history-criteria", "宛名番号、期間、種類、発行番号、交付者、端末、交付場所又は処分済みのいずれかを指定してください。", "addresseeNumber");
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var found = await rows.OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id).Take(limit).ToListAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.certificate-history",
            SubjectId: query.AddresseeNumber?.Trim(), Reason: query.Reason, Detail: $"交付履歴照会 条件: {string.Join("・", used)} 件数: {found.Count}"), ct);
        return found.Select(ToView).ToList();
    }

    internal static CertificateIssueView ToView(CertificateIssueRow r) => new(
        r.Id, r.IssueNumber, r.IssuedAt, r.IssuedLocation, r.IssuedTerminal, r.IssuedByName, CertificateNames.Kind(r.Kind), CertificateNames.Layout(r.Layout),
        CertificateNames.ItemList(r.Items), RequesterRules.Label(r.RequesterType), r.RequesterName, r.Purpose, r.Agency,
        r.Subjects.OrderBy(s => s.Id).Select(s => new CertificateSubjectView(s.AddresseeNumber, s.Name, "")).ToList(),
        r.Pages, r.Fee, Platform.Authenticity.VerificationCode.Format(r.VerificationCode), r.ReissueOfId, r.ExceptionReason, r.DisposedAt, r.DisposedBy, r.DisposeReason);
}
