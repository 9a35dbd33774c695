namespace Jichitai.Platform.Audit;

/// <summary>Audit action identifiers, grouped by area. Stable: they are stored in the hash chain.</summary>
public static class AuditActions
{
    // sign-in (認証)
    public const string SignInPassword = "auth.signin.password";
    public const string SignInTotp = "auth.signin.totp";
    public const string TotpEnrolled = "auth.totp.enrolled";
    public const string LockedOut = "auth.lockout";
    public const string SignOut = "auth.signout";
    public const string AccessDenied = "auth.access-denied";

    // tenants (団体)
    public const string TenantCreate = "tenant.create";
    public const string TenantUpdate = "tenant.update";

    // staff accounts (職員アカウント)
    public const string UserCreate = "user.create";
    public const string UserReset2fa = "user.reset-2fa";
    public const string UserRead = "user.list";
    public const string PasswordChange = "user.password.change";
    public const string PasswordReset = "user.password.reset";

    // settings (設定)
    public const string SettingChange = "setting.change";
    /// <summary>Master data kept by staff (住所辞書・方書): not personal data, but who changed what is recorded.</summary>
    public const string MasterDataChange = "master.change";

    // audit (監査)
    public const string AuditSearch = "audit.search";
    public const string AuditVerify = "audit.verify";
    public const string AuditCheckpoint = "audit.checkpoint";

    // personal data (個人情報): modules record reads and writes with these.
    public const string PersonalDataRead = "personal.read";
    public const string PersonalDataWrite = "personal.write";
    /// <summary>証明書の交付 (and refused 交付請求): one line per person printed.</summary>
    public const string CertificateIssue = "personal.certificate";
    /// <summary>移行: a whole registry loaded from, or written to, the migration layout.</summary>
    public const string MigrationImport = "personal.migration.import";
    public const string MigrationExport = "personal.migration.export";
    /// <summary>連携: personal data handed to another business system (one line per delivered batch or snapshot).</summary>
    public const string LinkageDelivery = "personal.linkage.delivery";
    public const string LinkageSnapshot = "personal.linkage.snapshot";
    /// <summary>連携先 registered, its item grants changed, or its delivery replayed/paused/resumed.</summary>
    public const string LinkageConsumerChange = "linkage.consumer.change";

    // 介護保険
    /// <summary>条例パラメータ (基準額, 段階, 端数処理, 納期, 減免) saved as a new version.</summary>
    public const string CareOrdinanceChange = "care.ordinance.change";
    /// <summary>資格: 修正・回復・取消, 住所地特例, 適用除外 (automatic changes from the registry are kept in the module's history).</summary>
    public const string CareQualification = "personal.care.qualification";
    /// <summary>所得・年金 data imported from the tax system or a pension insurer (one line per file).</summary>
    public const string CareImport = "personal.care.import";
    /// <summary>本算定 run, 更正, and every view of a person's premium.</summary>
    public const string CareAssessment = "personal.care.assessment";
    /// <summary>減免: application, decision.</summary>
    public const string CareReduction = "personal.care.reduction";
    /// <summary>被保険者証 and 決定通知書 printed.</summary>
    public const string CareDocument = "personal.care.document";

    public static string Label(string action) => action switch
    {
        CareOrdinanceChange => "介護保険 条例パラメータの変更",
        CareQualification => "介護保険 資格の変更",
        CareImport => "介護保険 所得・年金データの取込",
        CareAssessment => "介護保険 保険料の算定・照会",
        CareReduction => "介護保険 減免",
        CareDocument => "介護保険 証・通知書の発行",
        SignInPassword => "サインイン(パスワード)",
        SignInTotp => "サインイン(確認コード)",
        TotpEnrolled => "二要素認証の登録",
        LockedOut => "アカウントロック",
        SignOut => "サインアウト",
        AccessDenied => "権限のないアクセス",
        TenantCreate => "団体の登録",
        TenantUpdate => "団体の変更",
        UserCreate => "職員アカウントの作成",
        UserReset2fa => "二要素認証のリセット",
        UserRead => "職員一覧の参照",
        PasswordChange => "パスワードの変更",
        PasswordReset => "パスワードの初期化",
        SettingChange => "設定の変更",
        MasterDataChange => "マスタの変更",
        AuditSearch => "アクセスログの検索",
        AuditVerify => "アクセスログの検証",
        AuditCheckpoint => "アクセスログのチェックポイント",
        PersonalDataRead => "個人情報の参照",
        PersonalDataWrite => "個人情報の更新",
        CertificateIssue => "証明書の交付",
        MigrationImport => "移行データの取込",
        MigrationExport => "移行データの出力",
        LinkageDelivery => "連携データの送信",
        LinkageSnapshot => "連携データ(全件)の提供",
        LinkageConsumerChange => "連携先・提供項目の変更",
        _ => action,
    };
}
