using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenCcer.Server.Imports;

/// <summary>
/// The Chinese of the monitoring imports' row errors, which the parsers write in English: one pattern per message
/// they produce, the values they quote carried over. A message with no pattern stays in English.
/// </summary>
public static class ImportMessages
{
    private static readonly (Regex English, string Chinese)[] Table =
    [
        (Whole("'(.*)' is not a number"), "「{0}」不是数字"),
        (Whole("'(.*)' is not a date written yyyy-MM-dd"), "「{0}」不是 yyyy-MM-dd 格式的日期"),
        (Whole("is required"), "必填"),
        (Whole("must be above 0"), "必须大于 0"),
        (Whole("must not be negative"), "不能为负数"),
        (Whole("'(.*)' is not an accuracy class such as 0\\.2S or 0\\.5"), "「{0}」不是电表准确度等级（如 0.2S 或 0.5）"),
        (Whole("must not be before period_start"), "不能早于 period_start"),
        (Whole("must be between -100 and 100 \\(percent, not a fraction\\)"), "必须在 -100 到 100 之间（百分数，不是小数）"),
        (Whole("must be at most ([0-9.]+) cm \\(is it in mm\\?\\)"), "不能超过 {0} cm（是否填成了毫米？）"),
        (Whole("must be at most ([0-9.]+) m \\(is it in cm\\?\\)"), "不能超过 {0} m（是否填成了厘米？）"),
        (Whole("a file may hold at most ([0-9]+) rows"), "一个文件最多 {0} 行"),
        (Whole("expected ([0-9]+) fields, found ([0-9]+)"), "应有 {0} 个字段，实有 {1} 个"),
        (Whole("expected ([0-9]+) columns, found ([0-9]+)"), "应有 {0} 列，实有 {1} 列"),
        (Whole("the file is empty; expected the header (.*)"), "文件为空；表头应为 {0}"),
        (Whole("the file has a header but no rows"), "文件只有表头，没有数据行"),
        (Whole("expected '(.*)', found '(.*)' \\(check the name and its unit\\)"), "应为「{0}」，实为「{1}」（请检查列名及其单位）"),
        (Whole("unterminated quoted field"), "引号未闭合"),
    ];

    /// <summary>The message in Chinese, or null when it has no translation.</summary>
    public static string? Chinese(string english)
    {
        foreach (var (pattern, chinese) in Table)
        {
            var m = pattern.Match(english);
            if (m.Success)
                return string.Format(CultureInfo.InvariantCulture, chinese, [.. m.Groups.Values.Skip(1).Select(g => g.Value)]);
        }
        return null;
    }

    private static Regex Whole(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
