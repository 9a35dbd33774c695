using Jichitai.Platform.Protection;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>One person as printed: the record (個人番号 kept encrypted, and only when printed), 世帯主, history lines.</summary>
internal sealed record SnapshotSubject(ResidentRecord Record, string? HeadName, IReadOnlyList<MovementEntry> History);

/// <summary>
/// What a certificate printed, stored with its 交付履歴: a 再交付 prints this state, not today's record (標準4.1.3.0.3).
/// The 認証者, 発行番号 and 照合番号 are those of each issue and are not part of it.
/// </summary>
internal sealed record CertificateSnapshot(
    CertificateKind Kind, CertificateLayout Layout, CertificateItems Items, bool WholeHousehold, bool Official, bool Reissue,
    IReadOnlyList<string> CertifiedItems, SupportMeasurePeriod? SupportMeasure, IReadOnlyList<SnapshotSubject> Subjects)
{
    /// <summary>What the renderer prints: this snapshot with the 認証者, 公印 and the tenant's 5.3/5.8 choices of the issue date.</summary>
    public CertificateInput ToInput(PersonalDataProtector protector, int tenantId, CertificateSettings settings, DateTimeOffset issuedAt,
        string issueNumber, string verificationCode, string verifyBaseUrl) => new()
    {
        PrintKana = settings.PrintKana, Overflow = settings.Overflow,
        Kind = Kind, Layout = Layout, Items = Items, WholeHousehold = WholeHousehold, Official = Official, Reissue = Reissue,
        CertifiedItems = CertifiedItems, SupportMeasure = SupportMeasure, Issuer = settings.Issuer, IssuedAt = issuedAt, IssueNumber = issueNumber,
        VerificationCode = verificationCode,
        VerifyUrl = $"{verifyBaseUrl.TrimEnd('/')}/verify?code={Platform.Authenticity.VerificationCode.Format(verificationCode)}",
        Subjects = Subjects.Select(s => new CertificateSubject
        {
            Record = s.Record with { PersonalNumberProtected = null },
            PersonalNumber = Items.HasFlag(CertificateItems.PersonalNumber) && s.Record.PersonalNumberProtected is { } p
                ? protector.Unprotect(tenantId, MovementSession.PersonalNumberPurpose, p) : null,
            HeadName = Items.HasFlag(CertificateItems.HeadAndRelationship) ? s.HeadName : null,
            History = Items.HasFlag(CertificateItems.MovementHistory) ? s.History : [],
        }).ToList(),
    };

    /// <summary>世帯主の氏名 of each household (the current head among its residents).</summary>
    internal static async Task<Dictionary<long, string>> HeadNamesAsync(RegistryDbContext db, IReadOnlyList<long> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0) return [];
        var rows = await db.Residents.AsNoTracking().Where(r => r.HouseholdId != null && householdIds.Contains(r.HouseholdId.Value) && r.Status == ResidentStatus.Resident)
            .Select(r => r.Record).ToListAsync(ct);
        return rows.Select(MovementSession.Deserialize).Where(r => r.IsHead && r.HouseholdId is not null)
            .GroupBy(r => r.HouseholdId!.Value).ToDictionary(g => g.Key, g => g.First().FullName);
    }

    /// <summary>
    /// 異動履歴 as printed: since the last 改製 (the older lines belong to the 改製原住民票), oldest first, without the
    /// movements marked 特別な事由 (標準1.1.4: left out of certificates by default).
    /// </summary>
    internal static async Task<IReadOnlyList<MovementEntry>> HistoryAsync(RegistryDbContext db, long residentId, CancellationToken ct)
    {
        var movements = await ResidentQueries.MovementsOfAsync(db, residentId, ct);
        var renewal = movements.LastOrDefault(m => m.ReasonCode == (int)MovementReasonCode.RenewalEntry && m.CancelledByMovementId is null);
        return movements.Where(m => renewal is null || m.Id >= renewal.Id).Where(m => m.SpecialReason is null)
            .Select(ResidentQueries.ToEntry).ToList();
    }

    /// <summary>The person's latest 支援措置 (ended or not), for its 期間終了通知.</summary>
    internal static async Task<SupportMeasurePeriod> SupportMeasureAsync(RegistryDbContext db, long residentId, CancellationToken ct)
    {
        var row = await db.Restrictions.AsNoTracking()
            .Where(r => r.ResidentId == residentId && (r.Kind == RestrictionKind.SupportMeasure || r.Kind == RestrictionKind.ProvisionalSupportMeasure) && r.EndOn != null)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct)
            ?? throw new Platform.Errors.DomainException("registry.certificate.no-support-measure", "この住民には期間のある支援措置の記録がありません。", "addresseeNumbers", 409);
        return new SupportMeasurePeriod(row.StartOn, row.EndOn!.Value, row.EndedOn);
    }
}
