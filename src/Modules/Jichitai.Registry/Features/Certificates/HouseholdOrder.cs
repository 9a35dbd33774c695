using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Certificates;

// Interim until the 標準5.2 order lands from the forms branch: the household's stored member order.
public static class HouseholdOrder
{
    public static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> members, Func<T, ResidentRecord> record) =>
        members.OrderBy(m => record(m).MemberOrder).ThenBy(m => record(m).AddresseeNumber, StringComparer.Ordinal).ToList();
}
