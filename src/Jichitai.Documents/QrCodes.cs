using QRCoder;

namespace Jichitai.Documents;

/// <summary>QR code modules from QRCoder (error correction M), quiet zone included, drawn later as vector squares.</summary>
public static class QrCodes
{
    /// <summary>The module matrix, row by row, true = dark; includes QRCoder's 4-module quiet zone.</summary>
    public static bool[][] Matrix(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }
}
