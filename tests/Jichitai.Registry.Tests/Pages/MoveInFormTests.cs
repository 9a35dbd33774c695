using Jichitai.Registry.Pages.Registry;

namespace Jichitai.Registry.Tests.Pages;

/// <summary>一括入力 on the 転入 form (標準4.0.10): what was typed for one member is applied to the next where it was left blank.</summary>
public class MoveInFormTests
{
    private static MemberForm Head() => new() { FamilyName = "髙橋", GivenName = "一郎", FamilyNameKana = "タカハシ", Domicile = "東京都千代田区千代田1番", DomicileHead = "髙橋一郎" };

    [Fact]
    public void SameAsPrevious_FillsOnlyTheBlankSurnameKanaAndDomicile_FromTheMemberBefore_AfterCompacting()
    {
        var form = new MoveInForm();
        form.Members[0] = Head();
        // Row 3 (row 2 left empty): compacted to row 2 first, so "the member before" is the head.
        form.Members[2] = new MemberForm { GivenName = "花子", SameAsPrevious = true, DomicileHead = "別の筆頭者" };
        form.Members[3] = new MemberForm { GivenName = "次郎", FamilyName = "佐藤" }; // not marked: nothing applied

        form.CompactMembers();
        form.ApplyFromPrevious();

        var wife = form.Members[1];
        Assert.Equal(("髙橋", "花子", "タカハシ", "東京都千代田区千代田1番", "別の筆頭者"),
            (wife.FamilyName, wife.GivenName, wife.FamilyNameKana, wife.Domicile, wife.DomicileHead));
        var other = form.Members[2];
        Assert.Equal(("佐藤", null, null), (other.FamilyName, other.FamilyNameKana, other.Domicile));
        Assert.True(form.Members[3].IsBlank);
    }

    [Fact]
    public void SameAsPrevious_OnTheFirstMember_OrAfterABlankRow_AppliesNothing()
    {
        var form = new MoveInForm();
        form.Members[0] = new MemberForm { GivenName = "一郎", SameAsPrevious = true };
        form.ApplyFromPrevious();
        Assert.Null(form.Members[0].FamilyName);
    }
}
