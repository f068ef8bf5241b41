using System.Text;

namespace Fluxum.Commands.Csv;

/// <summary>RFC 4180 fields. A null is an empty unquoted field and an empty string a quoted one, so the two come back apart.</summary>
public static class FxCsvText
{
    public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Quote));

    private static string Quote(string? field) => field is null ? "" : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Reads one record (fields may hold line breaks); null at the end of the text.</summary>
    public static List<string?>? ReadRecord(TextReader reader)
    {
        if (reader.Peek() < 0) return null;
        var fields = new List<string?>();
        var sb = new StringBuilder();
        bool quoted = false, inQuotes = false;
        while (true)
        {
            int c = reader.Read();
            if (c < 0) break;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); sb.Append('"'); }
                    else inQuotes = false;
                }
                else sb.Append((char)c);
                continue;
            }

            if (c == '"') { inQuotes = quoted = true; continue; }
            if (c == ',') { fields.Add(Field(sb, quoted)); sb.Clear(); quoted = false; continue; }
            if (c == '\r') { if (reader.Peek() == '\n') reader.Read(); break; }
            if (c == '\n') break;
            sb.Append((char)c);
        }

        fields.Add(Field(sb, quoted));
        return fields;
    }

    private static string? Field(StringBuilder sb, bool quoted) => !quoted && sb.Length == 0 ? null : sb.ToString();
}
