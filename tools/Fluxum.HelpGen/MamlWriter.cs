using System.Text;
using System.Xml;

namespace Fluxum.HelpGen;

/// <summary>
/// Writes MAML command help (`&lt;RootModule&gt;-Help.xml`): text from the markdown page, syntax and parameter facts
/// (type, required, position, pipeline input, aliases, accepted values) from the command's metadata.
/// </summary>
public static class MamlWriter
{
    private const string MshNs = "http://msh";
    private const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The MAML document for the given commands, each with its parsed page.</summary>
    public static string Write(IEnumerable<(CommandModel Command, CommandHelp Help)> commands)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriter(sb), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("helpItems", MshNs);
            writer.WriteAttributeString("schema", "maml");
            foreach (var (command, help) in commands)
            {
                WriteCommand(writer, command, help);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        // StringWriter reports UTF-16; the file is written as UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"") + "\n";
    }

    private static void WriteCommand(XmlWriter w, CommandModel command, CommandHelp help)
    {
        w.WriteStartElement("command", "command", CommandNs);
        w.WriteAttributeString("xmlns", "maml", null, MamlNs);
        w.WriteAttributeString("xmlns", "command", null, CommandNs);
        w.WriteAttributeString("xmlns", "dev", null, DevNs);

        w.WriteStartElement("command", "details", CommandNs);
        Element(w, "command", "name", CommandNs, command.Name);
        Element(w, "command", "verb", CommandNs, command.Verb);
        Element(w, "command", "noun", CommandNs, command.Noun);
        Description(w, "maml", MamlNs, help.Synopsis);
        w.WriteEndElement();

        Description(w, "maml", MamlNs, help.Description);
        WriteSyntax(w, command, help);
        WriteParameters(w, command, help);
        WriteTypes(w, "inputTypes", "inputType", help.Inputs.Count > 0 ? help.Inputs : InputsFromMetadata(command));
        WriteTypes(w, "returnValues", "returnValue", help.Outputs.Count > 0
            ? help.Outputs
            : command.OutputTypes.Select(t => new TypeHelp(t, "")).ToList());

        if (help.Notes.Trim().Length > 0)
        {
            w.WriteStartElement("maml", "alertSet", MamlNs);
            w.WriteStartElement("maml", "alert", MamlNs);
            Paragraphs(w, help.Notes);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        WriteExamples(w, help);
        WriteLinks(w, help);
        w.WriteEndElement();
    }

    private static void WriteSyntax(XmlWriter w, CommandModel command, CommandHelp help)
    {
        w.WriteStartElement("command", "syntax", CommandNs);
        foreach (var set in command.ParameterSets)
        {
            w.WriteStartElement("command", "syntaxItem", CommandNs);
            Element(w, "maml", "name", MamlNs, command.Name);
            var shown = set.Parameters.Where(u => Shown(command, help, u.Name)).ToList();
            var positional = shown.Where(u => u.Position is not null).OrderBy(u => u.Position);
            var named = shown.Where(u => u.Position is null).OrderByDescending(u => u.IsMandatory); // stable: declaration order within
            foreach (var usage in positional.Concat(named))
            {
                var parameter = command.Parameter(usage.Name)!;
                WriteParameter(w, parameter, Documented(help, usage.Name), usage.IsMandatory, usage.Position,
                    PipelineInput([usage]));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteParameters(XmlWriter w, CommandModel command, CommandHelp help)
    {
        // The page's order first (the author chose it), then any real parameter the page lacks.
        var names = help.Parameters.Select(p => p.Name)
            .Concat(command.Parameters.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase))
            .Where(n => command.Parameter(n) is not null && Shown(command, help, n))
            .Select(n => command.Parameter(n)!.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        w.WriteStartElement("command", "parameters", CommandNs);
        foreach (var name in names)
        {
            var parameter = command.Parameter(name)!;
            var sets = parameter.Sets;
            var main = sets.FirstOrDefault(s => command.ParameterSets.FirstOrDefault()?.Name == s.SetName) ?? sets.FirstOrDefault();
            WriteParameter(w, parameter, Documented(help, name), sets.Any(s => s.IsMandatory), main?.Position, PipelineInput(sets));
        }

        w.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter w, ParameterModel parameter, ParameterHelp? doc, bool required, int? position, string pipelineInput)
    {
        w.WriteStartElement("command", "parameter", CommandNs);
        w.WriteAttributeString("required", required ? "true" : "false");
        w.WriteAttributeString("variableLength", "true");
        w.WriteAttributeString("globbing", parameter.SupportsWildcards || doc?.SupportsWildcards == true ? "true" : "false");
        w.WriteAttributeString("pipelineInput", pipelineInput);
        w.WriteAttributeString("position", position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
        w.WriteAttributeString("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none");

        Element(w, "maml", "name", MamlNs, parameter.Name);
        Description(w, "maml", MamlNs, doc?.Description is { Length: > 0 } d ? d : parameter.HelpMessage);

        if (parameter.ValidValues.Count > 0)
        {
            w.WriteStartElement("command", "parameterValueGroup", CommandNs);
            foreach (var value in parameter.ValidValues)
            {
                w.WriteStartElement("command", "parameterValue", CommandNs);
                w.WriteAttributeString("required", "false");
                w.WriteAttributeString("command", "variableLength", CommandNs, "false");
                w.WriteString(Clean(value));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (!parameter.IsSwitch)
        {
            w.WriteStartElement("command", "parameterValue", CommandNs);
            w.WriteAttributeString("required", "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(parameter.ShortTypeName);
            w.WriteEndElement();
        }

        WriteType(w, parameter.TypeName);
        Element(w, "dev", "defaultValue", DevNs, DefaultValue(parameter, doc));
        w.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter w, string listName, string itemName, IReadOnlyList<TypeHelp> types)
    {
        w.WriteStartElement("command", listName, CommandNs);
        foreach (var type in types)
        {
            w.WriteStartElement("command", itemName, CommandNs);
            WriteType(w, MarkdownText.Inline(type.TypeName));
            Description(w, "maml", MamlNs, type.Description);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteExamples(XmlWriter w, CommandHelp help)
    {
        w.WriteStartElement("command", "examples", CommandNs);
        var number = 0;
        foreach (var example in help.Examples)
        {
            number++;
            var title = example.Title.StartsWith("Example", StringComparison.OrdinalIgnoreCase)
                ? example.Title
                : $"Example {number}: {example.Title}";
            w.WriteStartElement("command", "example", CommandNs);
            Element(w, "maml", "title", MamlNs, $"--------- {MarkdownText.Inline(title)} ---------");
            Element(w, "dev", "code", DevNs, example.Code);
            w.WriteStartElement("dev", "remarks", DevNs);
            // PowerShell shows the remarks after the code: the prose before the code comes first in them. An empty
            // last paragraph keeps a blank line between one example's remarks and the next example's title.
            var remarks = string.Join("\n\n", new[] { example.Introduction, example.Remarks }.Where(t => t.Length > 0));
            if (remarks.Length > 0)
            {
                Paragraphs(w, remarks);
            }

            Element(w, "maml", "para", MamlNs, "");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteLinks(XmlWriter w, CommandHelp help)
    {
        w.WriteStartElement("command", "relatedLinks", CommandNs);
        if (help.Metadata.TryGetValue("HelpUri", out var online) && online.Trim().Length > 0)
        {
            Link(w, "Online Version:", online.Trim());
        }

        foreach (var link in help.Links)
        {
            var absolute = Uri.TryCreate(link.Uri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            Link(w, MarkdownText.Inline(link.Text), absolute ? link.Uri : "");
        }

        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string text, string uri)
    {
        w.WriteStartElement("maml", "navigationLink", MamlNs);
        Element(w, "maml", "linkText", MamlNs, text);
        Element(w, "maml", "uri", MamlNs, uri);
        w.WriteEndElement();
    }

    private static void WriteType(XmlWriter w, string typeName)
    {
        w.WriteStartElement("dev", "type", DevNs);
        Element(w, "maml", "name", MamlNs, typeName);
        Element(w, "maml", "uri", MamlNs, "");
        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, string prefix, string ns, string markdown)
    {
        w.WriteStartElement(prefix, "description", ns);
        Paragraphs(w, markdown);
        w.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter w, string markdown)
    {
        var paragraphs = MarkdownText.Paragraphs(markdown);
        if (paragraphs.Count == 0)
        {
            Element(w, "maml", "para", MamlNs, "");
        }

        foreach (var paragraph in paragraphs)
        {
            Element(w, "maml", "para", MamlNs, paragraph);
        }
    }

    private static void Element(XmlWriter w, string prefix, string name, string ns, string text)
    {
        w.WriteStartElement(prefix, name, ns);
        if (text.Length > 0)
        {
            w.WriteString(Clean(text));
        }

        w.WriteEndElement();
    }

    private static bool Shown(CommandModel command, CommandHelp help, string name) =>
        !HelpValidator.IsCommonParameter(name) && command.Parameter(name) is { DontShow: false } && Documented(help, name)?.DontShow != true;

    private static ParameterHelp? Documented(CommandHelp help, string name) =>
        help.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string PipelineInput(IEnumerable<ParameterUsage> usages)
    {
        var list = usages.ToList();
        var byValue = list.Any(u => u.ValueFromPipeline);
        var byName = list.Any(u => u.ValueFromPipelineByPropertyName);
        return (byValue, byName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
    }

    private static string DefaultValue(ParameterModel parameter, ParameterHelp? doc)
    {
        var value = doc?.DefaultValue.Trim() ?? "";
        if (value.Length > 0 && value != "''" && value != "\"\"")
        {
            return value;
        }

        return parameter.IsSwitch ? "False" : "None";
    }

    private static List<TypeHelp> InputsFromMetadata(CommandModel command) =>
        command.Parameters
            .Where(p => p.Sets.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName))
            .Select(p => p.TypeName)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(t => new TypeHelp(t, ""))
            .ToList();

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates), which would make the writer throw.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }
}
