using System.Text;
using Fluxum.HelpGen;

// Fluxum.HelpGen --module <Fluxum.psd1> --docs <docs/en-US> --out <module dir>/en-US
// Writes <out>/<RootModule>-Help.xml from the command pages and <out>/about_*.help.txt from the about pages.
// Problems in the pages are MSBuild-format warnings on stdout (the build shows them and goes on); the exit code is
// non-zero only when the tool cannot do its job: bad arguments (2), or a failed import or unreadable file (1).

const string Origin = "Fluxum.HelpGen";
var warnings = 0;

var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Fluxum.HelpGen --module <path to .psd1> --docs <docs/en-US dir> --out <module dir>/en-US");
    return 2;
}

var (manifest, docs, output) = options.Value;
if (!File.Exists(manifest))
{
    return Fail(2, $"the module manifest '{manifest}' does not exist");
}

if (!Directory.Exists(docs))
{
    return Fail(2, $"the docs folder '{docs}' does not exist");
}

ModuleCommandSet module;
try
{
    module = ModuleCommands.Load(manifest);
}
catch (Exception e)
{
    return Fail(1, $"importing '{manifest}' failed: {e.Message}");
}

var commandPages = new List<(string Path, string Name, CommandHelp Help)>();
var aboutPages = new List<(string Path, string Name, string Markdown)>();
try
{
    foreach (var path in Directory.GetFiles(docs, "*.md").Order(StringComparer.OrdinalIgnoreCase))
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var text = File.ReadAllText(path);
        if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
        {
            aboutPages.Add((path, name, text));
        }
        else
        {
            commandPages.Add((path, name, HelpMarkdown.Parse(text)));
        }
    }
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Fail(1, $"reading '{docs}' failed: {e.Message}");
}

var pageNames = commandPages.Select(p => p.Name).ToList();
var commandNames = module.Commands.Select(c => c.Name).ToList();
foreach (var missing in HelpValidator.MissingPages(commandNames, pageNames))
{
    Warn(Path.Combine(docs, missing + ".md"), $"{missing} has no help page: write {missing}.md in the platyPS schema");
}

foreach (var orphan in HelpValidator.OrphanPages(commandNames, pageNames))
{
    Warn(Path.Combine(docs, orphan + ".md"), $"the page documents '{orphan}', which module {module.ModuleName} does not export");
}

var documented = new List<(CommandModel Command, CommandHelp Help)>();
foreach (var (path, name, help) in commandPages)
{
    var command = module.Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
    // A DontShow parameter need not be documented, but may be (platyPS writes it with DontShow: true).
    var messages = command is null
        ? HelpValidator.ValidateStructure(help)
        : HelpValidator.Validate(
            help,
            command.Parameters.Where(p => !p.DontShow || help.Parameters.Any(d => string.Equals(d.Name, p.Name, StringComparison.OrdinalIgnoreCase))).Select(p => p.Name),
            command.Name);
    foreach (var message in messages)
    {
        Warn(path, message);
    }

    if (command is { CommandType: "Function" } && !string.Equals(Path.GetFileName(command.HelpFile), module.HelpFileName, StringComparison.OrdinalIgnoreCase))
    {
        Warn(path, $"function {command.Name} has no '# .ExternalHelp {module.HelpFileName}' comment, so Get-Help will not show this page");
    }

    if (command is not null)
    {
        documented.Add((command, help));
    }
}

try
{
    Directory.CreateDirectory(output);
    var mamlPath = Path.Combine(output, module.HelpFileName);
    WriteIfChanged(mamlPath, MamlWriter.Write(documented.OrderBy(d => d.Command.Name, StringComparer.OrdinalIgnoreCase)));

    foreach (var (path, name, markdown) in aboutPages)
    {
        var topic = AboutTopicWriter.Write(markdown, name);
        foreach (var problem in topic.Problems)
        {
            Warn(path, problem);
        }

        WriteIfChanged(Path.Combine(output, name + ".help.txt"), topic.Text);
    }

    Console.WriteLine($"{Origin}: {mamlPath}: {documented.Count} of {module.Commands.Count} command(s) of {module.ModuleName}; " +
        $"{aboutPages.Count} about topic(s); {warnings} warning(s)");
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Fail(1, $"writing to '{output}' failed: {e.Message}");
}

return 0;

void Warn(string file, string message)
{
    warnings++;
    Console.WriteLine($"{Origin} : warning FXH001: {Path.GetFullPath(file)}: {message}");
}

static int Fail(int code, string message)
{
    Console.Error.WriteLine($"{Origin} : error FXH000: {message}");
    return code;
}

static void WriteIfChanged(string path, string text)
{
    if (File.Exists(path) && File.ReadAllText(path) == text)
    {
        return;
    }

    File.WriteAllText(path, text, new UTF8Encoding(false));
}

static (string Manifest, string Docs, string Output)? ParseArguments(string[] args)
{
    string? manifest = null, docs = null, output = null;
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : null;
        switch (args[i].ToLowerInvariant())
        {
            case "--module" when value is not null:
                manifest = value;
                i++;
                break;
            case "--docs" when value is not null:
                docs = value;
                i++;
                break;
            case "--out" when value is not null:
                output = value;
                i++;
                break;
            default:
                return null;
        }
    }

    return manifest is null || docs is null || output is null ? null : (manifest, docs, output);
}
