namespace Jichitai.Documents;

/// <summary>
/// A 帳票 frame: columns and rows of given widths and heights (mm) inside an area, giving the box of any cell or span.
/// Cells are framed one by one (<see cref="PageBuilder.Cell"/>), so merged cells are simply wider boxes.
/// </summary>
public sealed class Grid
{
    private readonly float[] columnX;
    private readonly float[] rowY;

    public Grid(float x, float y, IReadOnlyList<float> columnWidths, IReadOnlyList<float> rowHeights)
    {
        if (columnWidths.Count == 0 || rowHeights.Count == 0) throw new ArgumentException("A grid needs at least one column and one row.");
        columnX = Offsets(x, columnWidths);
        rowY = Offsets(y, rowHeights);
    }

    public int Columns => columnX.Length - 1;
    public int Rows => rowY.Length - 1;
    public Box Bounds => new(columnX[0], rowY[0], columnX[^1] - columnX[0], rowY[^1] - rowY[0]);

    /// <summary>Rows of equal height.</summary>
    public static Grid Uniform(float x, float y, IReadOnlyList<float> columnWidths, int rows, float rowHeight) =>
        new(x, y, columnWidths, Enumerable.Repeat(rowHeight, rows).ToArray());

    public Box Cell(int row, int column, int rowSpan = 1, int columnSpan = 1)
    {
        if (row < 0 || column < 0 || rowSpan < 1 || columnSpan < 1 || row + rowSpan > Rows || column + columnSpan > Columns)
            throw new ArgumentOutOfRangeException(nameof(row), $"Cell ({row},{column}) span ({rowSpan},{columnSpan}) is outside a {Rows}x{Columns} grid.");
        return new Box(columnX[column], rowY[row], columnX[column + columnSpan] - columnX[column], rowY[row + rowSpan] - rowY[row]);
    }

    private static float[] Offsets(float start, IReadOnlyList<float> sizes)
    {
        var result = new float[sizes.Count + 1];
        result[0] = start;
        for (var i = 0; i < sizes.Count; i++) result[i + 1] = result[i] + sizes[i];
        return result;
    }
}
