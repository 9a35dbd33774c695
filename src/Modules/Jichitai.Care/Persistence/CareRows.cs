using Jichitai.Platform.Tenancy;

namespace Jichitai.Care.Persistence;

/// <summary>
/// What 介護保険 knows of a resident: the registry items it was granted, kept up to date from the linkage events
/// (or a snapshot). Never read from the registry's tables.
/// </summary>
public sealed class CarePersonRow : ITenantOwned
{
    public int TenantId { get; set; }
    /// <summary>宛名番号: the key every business system shares.</summary>
    public required string AddresseeNumber { get; set; }
    public string? HouseholdNumber { get; set; }
    /// <summary>Earlier households as "yyyy-MM-dd:number;…" (the date the person left each), for the 賦課期日's household.</summary>
    public string? HouseholdHistory { get; set; }
    public string Name { get; set; } = "";
    public string NameKana { get; set; } = "";
    public string? Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    /// <summary>住民 / 除票 / 取消 as the registry says.</summary>
    public string Status { get; set; } = "住民";
    public DateOnly? BecameResidentOn { get; set; }
    /// <summary>異動事由 that made the person a resident (転入, 出生 …), when an event told us.</summary>
    public string? BecameResidentReason { get; set; }
    public DateOnly? RemovedOn { get; set; }
    public string? RemovalReason { get; set; }
    /// <summary>Last linkage sequence applied: older deliveries (redelivered after a crash) are skipped.</summary>
    public long AppliedSequence { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// 第1号被保険者 (介護保険法9条1号): one row per person who is or was insured, with the qualification periods derived
/// from the registry and the recorded statuses (住所地特例, 適用除外), or set by an officer (修正・回復・取消).
/// </summary>
public sealed class InsuredRow : ITenantOwned
{
    public int TenantId { get; set; }
    public required string AddresseeNumber { get; set; }
    /// <summary>被保険者番号: 10 digits, unique in the tenant, never reused.</summary>
    public required string InsuredNumber { get; set; }
    /// <summary>The periods in force (JSON list of <see cref="Qualification.QualificationPeriod"/>).</summary>
    public string Periods { get; set; } = "[]";
    /// <summary>Periods set by an officer (修正・回復); while set, they win over the derived ones.</summary>
    public string? OfficerPeriods { get; set; }
    /// <summary>取消: the qualification never existed (e.g. recorded in error).</summary>
    public bool Cancelled { get; set; }
    /// <summary>住所地特例 (13条) periods, JSON list of <see cref="Qualification.StatusPeriod"/>.</summary>
    public string AddressExceptions { get; set; } = "[]";
    /// <summary>適用除外 (施行法11条 / 法附則) periods.</summary>
    public string Exclusions { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>Every change of a person's qualification: what changed, why, by whom (資格異動履歴).</summary>
public sealed class QualificationChangeRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string AddresseeNumber { get; set; }
    public DateTime At { get; set; }
    /// <summary>自動 (registry event), 修正, 回復, 取消, 住所地特例, 適用除外.</summary>
    public required string Kind { get; set; }
    public required string Before { get; set; }
    public required string After { get; set; }
    public string? Reason { get; set; }
    public required string Actor { get; set; }
}

/// <summary>Per-tenant counters (被保険者番号, 通知書番号).</summary>
public sealed class CareCounterRow : ITenantOwned
{
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public long Value { get; set; }
}

/// <summary>Tax data for one person and fiscal year, as the 住民税 system provides it (所得の状況).</summary>
public sealed class IncomeRow : ITenantOwned
{
    public int TenantId { get; set; }
    public int FiscalYear { get; set; }
    public required string AddresseeNumber { get; set; }
    /// <summary>合計所得金額 (may be negative; 施行令38条 uses it after the 長期譲渡所得 etc. special deductions).</summary>
    public long TotalIncome { get; set; }
    /// <summary>課税年金収入額.</summary>
    public long TaxablePensionIncome { get; set; }
    /// <summary>その他の合計所得金額 (合計所得金額 less 公的年金等に係る雑所得).</summary>
    public long OtherIncome { get; set; }
    /// <summary>住民税 (市町村民税) 課税 for the person.</summary>
    public bool ResidentTaxable { get; set; }
    /// <summary>生活保護受給者 (施行令38条1項1号イ).</summary>
    public bool PublicAssistance { get; set; }
    /// <summary>老齢福祉年金受給者.</summary>
    public bool OldAgeWelfarePension { get; set; }
    public long ImportId { get; set; }
}

/// <summary>特別徴収 target data from a pension insurer (年金保険者): the annual pension of one person for a fiscal year.</summary>
public sealed class PensionRow : ITenantOwned
{
    public int TenantId { get; set; }
    public int FiscalYear { get; set; }
    public required string AddresseeNumber { get; set; }
    /// <summary>年金保険者コード (e.g. 001 日本年金機構).</summary>
    public required string InsurerCode { get; set; }
    public long AnnualPension { get; set; }
    public long ImportId { get; set; }
}

/// <summary>One import of income or pension data: who, when, which file, how many rows.</summary>
public sealed class CareImportRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>income / pension.</summary>
    public required string Kind { get; set; }
    public int FiscalYear { get; set; }
    public required string FileName { get; set; }
    public int Rows { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
}

/// <summary>One version of a tenant's ordinance parameters for a fiscal year (条例で定める保険料率等).</summary>
public sealed class OrdinanceVersionRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int FiscalYear { get; set; }
    public int Version { get; set; }
    /// <summary>JSON of <see cref="Ordinance.OrdinanceParameters"/>.</summary>
    public required string Parameters { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum RunState { Running = 1, Completed = 2, Failed = 3 }

/// <summary>One 本算定 run of a tenant and year: who, when, which parameters, progress and totals.</summary>
public sealed class AssessmentRunRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int FiscalYear { get; set; }
    public int OrdinanceVersion { get; set; }
    public RunState State { get; set; }
    public DateTime StartedAt { get; set; }
    public required string StartedBy { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    /// <summary>Resume point: the last 宛名番号 whose result is committed.</summary>
    public string? Cursor { get; set; }
    public int Changed { get; set; }
    /// <summary>JSON: per stage, persons and premium (the run summary).</summary>
    public string? Totals { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// A person's premium for a fiscal year, one row per revision: revision 1 from 本算定, later ones 更正. The explanation
/// and installments are kept as computed, so a notice can always be printed again exactly.
/// </summary>
public sealed class AssessmentRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int FiscalYear { get; set; }
    public required string AddresseeNumber { get; set; }
    public int Revision { get; set; }
    public bool IsCurrent { get; set; }
    /// <summary>本算定 or 更正.</summary>
    public required string Kind { get; set; }
    public long? RunId { get; set; }
    public int OrdinanceVersion { get; set; }
    public int Stage { get; set; }
    public int Months { get; set; }
    public long AnnualPremium { get; set; }
    public long Reduction { get; set; }
    /// <summary>特別徴収 / 普通徴収 / 併用.</summary>
    public required string Collection { get; set; }
    /// <summary>JSON list of <see cref="Premiums.Installment"/>.</summary>
    public required string Installments { get; set; }
    /// <summary>JSON of the computation (<see cref="Premiums.PremiumResult"/>), the source of the explanation.</summary>
    public required string Detail { get; set; }
    /// <summary>The February 本徴収 amount: the basis of next year's 仮徴収 (法140条), null when not 特別徴収.</summary>
    public long? FebruarySpecial { get; set; }
    /// <summary>What caused a 更正 (異動, 所得更正, 減免 …).</summary>
    public string? Cause { get; set; }
    public DateTime ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
}

public enum ReductionState { Pending = 1, Approved = 2, Rejected = 3 }

/// <summary>A 減免 application (介護保険法142条): entered by one officer, decided by another, applied as a 更正.</summary>
public sealed class ReductionRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int FiscalYear { get; set; }
    public required string AddresseeNumber { get; set; }
    public required string RuleCode { get; set; }
    /// <summary>First and last month (1–12 calendar month, within the fiscal year) the reduction covers.</summary>
    public int FromMonth { get; set; }
    public int ToMonth { get; set; }
    public required string Details { get; set; }
    public ReductionState State { get; set; }
    public DateTime EnteredAt { get; set; }
    public required string EnteredBy { get; set; }
    public Guid? EnteredById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>被保険者証 発行履歴: each issue (交付, 再交付) with its number.</summary>
public sealed class CertificateIssueRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string AddresseeNumber { get; set; }
    public required string InsuredNumber { get; set; }
    /// <summary>交付 / 再交付.</summary>
    public required string Kind { get; set; }
    public string? Reason { get; set; }
    public DateTime IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
}
