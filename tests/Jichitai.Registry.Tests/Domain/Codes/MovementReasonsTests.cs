using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Tests.Domain.Codes;

public class MovementReasonsTests
{
    [Fact]
    public void Catalog_HasOneRowPerCode_WithUniqueLabelsAndASource()
    {
        Assert.Equal(Enum.GetValues<MovementReasonCode>().Order(), MovementReasons.All.Select(r => r.Code).Order());
        Assert.Equal(MovementReasons.All.Count, MovementReasons.All.Select(r => r.Label).Distinct().Count());
        Assert.All(MovementReasons.All, r => Assert.Contains("標準", r.Source));
    }

    [Fact]
    public void CodeHundreds_MatchTheStandardsGroup()
    {
        Assert.All(MovementReasons.All, r => Assert.Equal((int)r.Kind, (int)r.Code / 100));
        Assert.All(Enum.GetValues<StandardMovementCategory>(), c => Assert.InRange((int)c.Kind(), 1, 3));
    }

    [Fact]
    public void EveryStandardCategory_IsReachedByAtLeastOneCode()
    {
        // 標準1.2.2: the system's codes must map onto each 区分 it lists.
        var mapped = MovementReasons.All.Select(r => r.StandardCategory).ToHashSet();
        Assert.All(Enum.GetValues<StandardMovementCategory>(), c => Assert.Contains(c, mapped));
        Assert.Equal(37, Enum.GetValues<StandardMovementCategory>().Length);
    }

    [Theory]
    [InlineData(MovementReasonCode.MoveIn, MovementKind.Entry, MovementBasis.Notification, StandardMovementCategory.DomesticMoveIn)]
    [InlineData(MovementReasonCode.SpecialMoveIn, MovementKind.Entry, MovementBasis.Notification, StandardMovementCategory.DomesticMoveIn)]
    [InlineData(MovementReasonCode.ForeignResidentArrival, MovementKind.Entry, MovementBasis.Notification, StandardMovementCategory.MoveInFromAbroad)]
    [InlineData(MovementReasonCode.BecameForeignResident, MovementKind.Entry, MovementBasis.Notification, StandardMovementCategory.MoveInFromAbroad)]
    [InlineData(MovementReasonCode.Birth, MovementKind.Entry, MovementBasis.Official, StandardMovementCategory.Birth)]
    [InlineData(MovementReasonCode.NaturalisationEntry, MovementKind.Entry, MovementBasis.Official, StandardMovementCategory.OfficialEntryNaturalisation)]
    [InlineData(MovementReasonCode.NaturalisationRemoval, MovementKind.Removal, MovementBasis.Official, StandardMovementCategory.OfficialRemovalNaturalisation)]
    [InlineData(MovementReasonCode.LossOfNationalityEntry, MovementKind.Entry, MovementBasis.Official, StandardMovementCategory.OfficialEntryLossOfNationality)]
    [InlineData(MovementReasonCode.MoveOut, MovementKind.Removal, MovementBasis.Notification, StandardMovementCategory.DomesticMoveOut)]
    [InlineData(MovementReasonCode.MoveOutAbroad, MovementKind.Removal, MovementBasis.Notification, StandardMovementCategory.MoveOutAbroad)]
    [InlineData(MovementReasonCode.Death, MovementKind.Removal, MovementBasis.Official, StandardMovementCategory.Death)]
    [InlineData(MovementReasonCode.Disappearance, MovementKind.Removal, MovementBasis.Official, StandardMovementCategory.OfficialRemoval)]
    [InlineData(MovementReasonCode.ImmigrationNoticeRemoval, MovementKind.Removal, MovementBasis.Official, StandardMovementCategory.OfficialRemoval)]
    [InlineData(MovementReasonCode.Relocation, MovementKind.Amendment, MovementBasis.Notification, StandardMovementCategory.Relocation)]
    [InlineData(MovementReasonCode.HouseholdSplit, MovementKind.Amendment, MovementBasis.Notification, StandardMovementCategory.HouseholdSplit)]
    [InlineData(MovementReasonCode.HeadChange, MovementKind.Amendment, MovementBasis.Notification, StandardMovementCategory.HeadChange)]
    [InlineData(MovementReasonCode.FamilyRegisterNotice, MovementKind.Amendment, MovementBasis.Official, StandardMovementCategory.OfficialCorrection)]
    [InlineData(MovementReasonCode.StatusOfResidenceChange, MovementKind.Amendment, MovementBasis.Official, StandardMovementCategory.OfficialCorrection)]
    [InlineData(MovementReasonCode.PersonalNumberChangeRequest, MovementKind.Amendment, MovementBasis.Notification, StandardMovementCategory.PersonalNumberChangeRequest)]
    public void Rows_ClassifyAsTheStandardDoes(MovementReasonCode code, MovementKind kind, MovementBasis basis, StandardMovementCategory category)
    {
        var reason = code.Reason();
        Assert.Equal((kind, basis, category), (reason.Kind, reason.Basis, reason.StandardCategory));
        Assert.Equal(kind == MovementKind.Entry, reason.CreatesRecord);
        Assert.Equal(kind == MovementKind.Removal, reason.RemovesRecord);
    }

    [Theory]
    [InlineData(MovementReasonCode.MoveOut, MovementReasonCode.CancellationIncrease)]
    [InlineData(MovementReasonCode.Death, MovementReasonCode.CancellationIncrease)]
    [InlineData(MovementReasonCode.MoveIn, MovementReasonCode.CancellationDecrease)]
    [InlineData(MovementReasonCode.Birth, MovementReasonCode.CancellationDecrease)]
    [InlineData(MovementReasonCode.Relocation, MovementReasonCode.CancellationAmendment)]
    public void CancellationOf_RestoresWhatTheCancelledMovementDid(MovementReasonCode cancelled, MovementReasonCode expected) =>
        Assert.Equal(expected, MovementReasons.CancellationOf(cancelled));

    [Fact]
    public void Labels_AreJapanese()
    {
        Assert.Equal("転入", MovementReasonCode.MoveIn.Label());
        Assert.Equal("法第30条の46転入", MovementReasons.Label(MovementReasonCode.ForeignResidentArrival));
        Assert.Equal("異動の取消し（増）", StandardMovementCategory.CancellationIncrease.Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => MovementReasons.Get((MovementReasonCode)999));
    }

    [Fact]
    public void Documentation_ListsEveryCode()
    {
        var rows = RepositoryFiles.TableRows(RepositoryFiles.Section(RepositoryFiles.Read("docs/registry/codes.md"), "## 異動事由コード"))
            .Where(cells => cells.Length >= 2 && int.TryParse(cells[0], out _))
            .ToDictionary(cells => int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), cells => cells[1]);
        Assert.Equal(MovementReasons.All.ToDictionary(r => (int)r.Code, r => r.Label), rows);
    }
}
