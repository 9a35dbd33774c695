namespace Jichitai.Care.Qualification;

/// <summary>One period as 第1号被保険者: from the acquisition day (inclusive) to the loss day (exclusive, 資格喪失日).</summary>
public sealed record QualificationPeriod(DateOnly AcquiredOn, string AcquisitionReason, DateOnly? LostOn, string? LossReason)
{
    public bool Covers(DateOnly day) => AcquiredOn <= day && (LostOn is null || day < LostOn);
}

/// <summary>A recorded status with dates (住所地特例, 適用除外): From and To are both inclusive; To null = still in force.</summary>
public sealed record StatusPeriod(DateOnly From, DateOnly? To, string Note);

/// <summary>What the registry says of a person's residence, as the linkage events deliver it.</summary>
public sealed record ResidenceFacts(DateOnly BirthDate, DateOnly? ResidentFrom, string? ResidentFromReason, DateOnly? RemovedOn, string? RemovalReason, bool Voided);
