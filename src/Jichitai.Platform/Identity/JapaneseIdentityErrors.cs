using Microsoft.AspNetCore.Identity;

namespace Jichitai.Platform.Identity;

/// <summary>ASP.NET Core Identity's messages, in Japanese for staff.</summary>
public sealed class JapaneseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"パスワードは{length}文字以上にしてください。" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "パスワードに数字(0〜9)を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "パスワードに英小文字を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "パスワードに英大文字を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "パスワードに記号を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"パスワードには{uniqueChars}種類以上の文字を使ってください。" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"ユーザーID「{userName}」はすでに使われています。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "ユーザーIDに使えるのは半角英小文字・数字・「.」「-」「_」です。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "パスワードが正しくありません。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "処理できませんでした。" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "他の操作と競合しました。もう一度やり直してください。" };
}
