using Jichitai.Registry.Domain.Codes;
using C = Jichitai.Registry.Domain.Codes.MovementReasonCode;

namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>The persons of a household and the dates of their history; every date on or before <c>today</c>.</summary>
internal sealed partial class HouseholdComposer
{
    // ---- persons

    private SyntheticPerson Japanese(NamePart surname, int gender, DateOnly birth, string relationship)
    {
        var given = SyntheticNames.Given(random, gender, birth);
        return new SyntheticPerson
        {
            Gender = gender, Birth = birth, FamilyName = surname.Text, FamilyKana = surname.Kana, GivenName = given.Text, GivenKana = given.Kana,
            RelationshipBefore = relationship, RelationshipAfter = relationship, Domicile = SyntheticPlaces.Domicile(random),
        };
    }

    /// <summary>A married couple sharing one 戸籍 (筆頭者 the husband); 1 in 50 wives keeps her 旧氏 on record.</summary>
    private (SyntheticPerson Husband, SyntheticPerson Wife) Spouses(NamePart surname, DateOnly husbandBirth, DateOnly wifeBirth)
    {
        var husband = Japanese(surname, 1, husbandBirth, Head);
        if (random.NextDouble() < 0.012)
        {
            // 国際結婚: the wife is a foreign resident (日本人の配偶者等).
            var wifeForeign = Foreigner(SyntheticForeigners.PickNationality(random), 2, wifeBirth, ForeignResidentCategory.MidToLongTermResident, Wife);
            wifeForeign.Status = "日本人の配偶者等";
            husband.DomicileHead = husband.FullName;
            return (husband, wifeForeign);
        }
        var wife = Japanese(surname, 2, wifeBirth, Wife);
        wife.Domicile = husband.Domicile;
        husband.DomicileHead = wife.DomicileHead = husband.FullName;
        if (random.NextDouble() < 0.02)
        {
            var former = SyntheticNames.Surname(random, 0);
            (wife.FormerSurname, wife.FormerSurnameKana) = (former.Text, former.Kana);
        }
        return (husband, wife);
    }

    private static void SameRegister(SyntheticPerson child, SyntheticPerson parent)
    {
        if (parent.Foreign) return;
        child.Domicile = parent.Domicile;
        child.DomicileHead = parent.DomicileHead;
    }

    private SyntheticPerson Foreigner(Nationality nationality, int gender, DateOnly birth, ForeignResidentCategory category, string relationship)
    {
        var family = nationality.Families[random.Next(nationality.Families.Length)];
        var givens = gender == 1 ? nationality.Male : nationality.Female;
        var given = givens[random.Next(givens.Length)];
        var p = new SyntheticPerson
        {
            Foreign = true, Gender = gender, Birth = birth, Nationality = nationality.Name, Category = category,
            LatinName = $"{family.Latin} {given.Latin}", RelationshipBefore = relationship, RelationshipAfter = relationship,
        };
        // 漢字 names (Chinese, Korean) are recorded for most; otherwise 氏名 is the alphabet name only.
        if (family.Kanji is not null && given.Kanji is not null && random.NextDouble() < 0.7)
            (p.FamilyName, p.GivenName, p.FamilyKana, p.GivenKana) = (family.Kanji, given.Kanji, family.Kana!, given.Kana!);
        // 通称 (住基法施行令30条の26): common among 特別永住者.
        if (random.NextDouble() < (category == ForeignResidentCategory.SpecialPermanentResident ? 0.5 : 0.04))
        {
            var surname = SyntheticNames.Surname(random, 0);
            var name = SyntheticNames.Given(random, gender, birth);
            (p.CommonName, p.CommonNameKana) = ($"{surname.Text}　{name.Text}", $"{surname.Kana}　{name.Kana}");
        }
        if (category == ForeignResidentCategory.MidToLongTermResident) p.Status = SyntheticForeigners.PickStatus(random).Status;
        if (category is ForeignResidentCategory.MidToLongTermResident or ForeignResidentCategory.SpecialPermanentResident)
            p.CardNumber = SyntheticForeigners.CardNumber(random);
        return p;
    }

    // ---- history

    private void EnterAdult(SyntheticPerson p, DateOnly on)
    {
        if (p.Foreign) EnterForeign(p, on);
        else Enter(p, on);
    }

    private void Enter(SyntheticPerson p, DateOnly on, C reason = C.MoveIn)
    {
        (p.EnteredOn, p.EntryReason) = (on, reason);
        if (reason != C.MoveIn) return;
        if (!p.Foreign && random.NextDouble() < 0.03)
            (p.EntryReason, p.PriorAddress, p.PriorKind) = (C.MoveInFromAbroad, SyntheticPlaces.AbroadCountries[random.Next(SyntheticPlaces.AbroadCountries.Length)], "4");
        else (p.PriorAddress, p.PriorKind) = (SyntheticPlaces.ElsewhereAddress(random), "1");
    }

    /// <summary>A child born after the household was set up was born here (出生); an older one came with it (転入).</summary>
    private void EnterAsChild(SyntheticPerson child, DateOnly setUp)
    {
        if (child.Birth >= setUp) Enter(child, child.Birth, C.Birth);
        else Enter(child, setUp);
    }

    private void EnterForeign(SyntheticPerson p, DateOnly on)
    {
        switch (p.Category)
        {
            case ForeignResidentCategory.TransitionalStay:
                Enter(p, on, C.LossOfNationalityEntry); // 国籍喪失による経過滞在者
                break;
            case ForeignResidentCategory.SpecialPermanentResident:
                Enter(p, on);
                break;
            default:
                if (random.NextDouble() < 0.3) Enter(p, on);
                else
                {
                    Enter(p, on, C.ForeignResidentArrival); // 住基法30条の46: 中長期在留者等が国外から転入
                    (p.PriorAddress, p.PriorKind) = (p.Nationality, "4");
                }
                break;
        }
        if (p.Category == ForeignResidentCategory.MidToLongTermResident) SetStay(p);
    }

    private void SetStay(SyntheticPerson p)
    {
        var years = p.Status switch { "永住者" => 0, "留学" => 2, "技能実習" or "特定技能" => 1, "定住者" => 5, _ => 3 };
        // 永住者: no 在留期間; the date kept is the card's validity (7 years).
        p.Period = years == 0 ? "無期限" : $"{years}年";
        p.StayExpiresOn = today.AddDays(random.Next(30, (years == 0 ? 7 : years) * 365));
    }

    private void Remove(SyntheticPerson p, C reason, DateOnly on) => (p.RemovalReason, p.RemovedOn) = (reason, on);

    private void MoveAway(SyntheticPerson p, DateOnly on)
    {
        Remove(p, C.MoveOut, on);
        p.MoveOutAddress = SyntheticPlaces.ElsewhereAddress(random);
    }

    private static DateOnly LastEvent(SyntheticHousehold h)
    {
        var last = h.RelocatedOn ?? h.EstablishedOn;
        foreach (var m in h.Members)
        {
            if (m.EnteredOn > last) last = m.EnteredOn;
            if (m.RelationshipChangedOn > last) last = m.RelationshipChangedOn.Value;
            if (m.RemovedOn > last) last = m.RemovedOn.Value;
        }
        return last;
    }

    // ---- dates

    private int ChildCount()
    {
        var r = random.NextDouble();
        return r < 0.45 ? 1 : r < 0.87 ? 2 : 3;
    }

    /// <summary>Born 22–40 years after the younger parent (spouses are at most 5 years apart: 20–45 after either); later than today = no child.</summary>
    private DateOnly ChildBirth(DateOnly parent, DateOnly otherParent)
    {
        var younger = Later(parent, otherParent);
        return Between(younger.AddYears(22), Earlier(today, younger.AddYears(40)));
    }

    private DateOnly BirthForAge(int minAge, int maxAge) =>
        today.AddYears(-minAge).AddDays(-random.Next((maxAge - minAge + 1) * 365));

    /// <summary>When the household was set up: after <paramref name="earliest"/>, at most 45 years ago, recent years likelier.</summary>
    private DateOnly SetUp(DateOnly earliest)
    {
        earliest = Later(earliest, today.AddYears(-45));
        var span = today.DayNumber - earliest.DayNumber;
        if (span <= 0) return today;
        var u = random.NextDouble();
        return today.AddDays(-(int)(span * u * u));
    }

    private DateOnly Between(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    private DateOnly? StrictlyAfter(DateOnly from, DateOnly to) => to <= from ? null : from.AddDays(1 + random.Next(to.DayNumber - from.DayNumber));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
