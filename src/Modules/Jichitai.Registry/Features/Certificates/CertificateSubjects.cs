using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Certificates;

internal sealed record LoadedSubject(ResidentRow Row, ResidentRecord Record);

internal sealed record SubjectSelection(IReadOnlyList<LoadedSubject> Subjects, bool WholeHousehold);

/// <summary>Finds the people a request is about and checks that the kind of certificate fits each of them.</summary>
internal static class CertificateSubjects
{
    public static async Task<SubjectSelection> LoadAsync(RegistryDbContext db, CertificateKind kind, CertificateLayout layout, CertificateRequest request,
        DateOnly today, CancellationToken ct)
    {
        var numbers = (request.AddresseeNumbers ?? []).OfType<string>().Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        if (layout == CertificateLayout.Household && !RequesterRules.AllowsHouseholdLayout(kind))
            throw new DomainException("registry.certificate.layout", $"{CertificateNames.Kind(kind)}は世帯連記式では発行できません(標準仕様書 5.1、第4章 20.1.3)。", "layout");

        var keepsMoveOut = kind is CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate;
        if (keepsMoveOut && numbers.Count == 0)
            throw new DomainException("registry.certificate.subject", "転出証明書は転出する人の宛名番号を指定して発行してください。", "addresseeNumbers");
        ResidentRecord Read(ResidentRow r) => keepsMoveOut ? MovementSession.Deserialize(r.Record) : Current(MovementSession.Deserialize(r.Record), today);
        List<LoadedSubject> chosen;
        var whole = false;
        if (layout == CertificateLayout.Household || numbers.Count == 0)
        {
            var householdId = await HouseholdIdAsync(db, request.HouseholdNumber, numbers, ct);
            var rows = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId && r.Status != ResidentStatus.Voided).ToListAsync(ct);
            var members = rows.Select(r => new LoadedSubject(r, Read(r)))
                .Where(s => s.Record.Status == ResidentStatus.Resident).ToList();
            if (members.Count == 0)
                throw new DomainException("registry.household.empty", $"世帯番号 {request.HouseholdNumber} の世帯に現在の世帯員はいません。", "householdNumber", 404);
            foreach (var n in numbers.Where(n => members.All(m => m.Row.AddresseeNumber != n)))
                throw new DomainException("registry.certificate.not-member", $"宛名番号 {n} はこの世帯の現在の世帯員ではありません。", "addresseeNumbers");
            chosen = numbers.Count == 0 ? members : members.Where(m => numbers.Contains(m.Row.AddresseeNumber)).ToList();
            whole = chosen.Count == members.Count;
            chosen = HouseholdOrder.Sort(chosen, s => s.Record).ToList();
        }
        else
        {
            var rows = await db.Residents.AsNoTracking().Where(r => numbers.Contains(r.AddresseeNumber) && r.Status != ResidentStatus.Voided).ToListAsync(ct);
            foreach (var n in numbers.Where(n => rows.All(r => r.AddresseeNumber != n)))
                throw new DomainException("registry.resident.not-found", $"宛名番号 {n} の住民は登録されていません。", "addresseeNumbers", 404);
            chosen = numbers.Select(n => rows.Single(r => r.AddresseeNumber == n)).Select(r => new LoadedSubject(r, Read(r))).ToList();
        }
        foreach (var s in chosen) EnsureFits(kind, s.Record);
        return new SubjectSelection(chosen, whole);
    }

    /// <summary>
    /// Before the 転出予定日 the person is still a resident: a certificate then leaves out what the 転出届 recorded (標準5.1).
    /// </summary>
    internal static ResidentRecord Current(ResidentRecord r, DateOnly today) =>
        r is { Status: ResidentStatus.Removed, RemovalReason: MovementReasonCode.MoveOut or MovementReasonCode.MoveOutAbroad, RemovedOn: { } on, MoveOut.ConfirmedOn: null } && on > today
            ? r with { Status = ResidentStatus.Resident, RemovedOn = null, RemovalReason = null, MoveOut = null }
            : r;

    private static void EnsureFits(CertificateKind kind, ResidentRecord r)
    {
        string? problem = kind switch
        {
            CertificateKind.ResidentRecordCopy or CertificateKind.ResidentItemCertificate when r.Status != ResidentStatus.Resident =>
                "は消除されています。住民票の除票の写し又は除票記載事項証明書を請求してください",
            CertificateKind.RemovedRecordCopy or CertificateKind.RemovedItemCertificate when r.Status != ResidentStatus.Removed =>
                "は消除されていないため、除票はありません",
            CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate when r is not { Status: ResidentStatus.Removed, RemovalReason: MovementReasonCode.MoveOut, MoveOut.Abroad: false } =>
                "には国内への転出届の記録がありません(国外転出では転出証明書は交付しません)",
            CertificateKind.ResidentCodeNotice when string.IsNullOrEmpty(r.ResidentCode) => "には住民票コードが記載されていません",
            _ => null,
        };
        if (problem is not null)
            throw new DomainException("registry.certificate.subject", $"宛名番号 {r.AddresseeNumber}({r.FullName}){problem}。", "addresseeNumbers", 409);
    }

    private static async Task<long> HouseholdIdAsync(RegistryDbContext db, string? householdNumber, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(householdNumber))
            return await db.Households.Where(h => h.HouseholdNumber == householdNumber.Trim()).Select(h => (long?)h.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("registry.household.not-found", $"世帯番号 {householdNumber} の世帯は登録されていません。", "householdNumber", 404);
        var first = numbers[0];
        return await db.Residents.Where(r => r.AddresseeNumber == first).Select(r => r.HouseholdId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("registry.resident.not-found", $"宛名番号 {first} の住民は登録されていないか、世帯に属していません。", "addresseeNumbers", 404);
    }
}
