using System.CommandLine;
using Platform.Cli.Connection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;

namespace Platform.Cli.Commands;

/// <summary><c>platform datasources targets &lt;name&gt; &lt;file&gt;</c>: uploads a classification or regression datasource's table of case targets.</summary>
public static class TargetTableCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var name = new Argument<string>("name") { Description = "Datasource name (of a classification or regression project)." };
        var file = new Argument<string>("file") { Description = "The table: .csv, .tsv or .xlsx with a header row naming a case column (case, case_id, subject) and a class or value column (class, label, value, target)." };
        var command = new Command("targets", "Upload (replace) a datasource's table of case → class or value; rows with problems are listed and left out.") { project, name, file };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, console, ct, async (session, output, token) =>
        {
            var title = ProjectLookup.Title(parse.GetValue(project), console);
            var path = Path.GetFullPath(parse.GetValue(file)!, console.WorkingDirectory);
            if (!File.Exists(path))
                throw CliException.NotFound($"There is no file '{path}'.");
            if (new FileInfo(path).Length > TargetTableReport.MaxFileBytes)
                throw CliException.Usage($"'{path}' is larger than {TargetTableReport.MaxFileBytes >> 20} MiB, the most a table may have.");
            var content = await File.ReadAllBytesAsync(path, token);
            var grain = session.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(session.Lab, title, parse.GetValue(name)!));
            var report = await grain.UploadTargetTableAsync(Path.GetFileName(path), content);
            output.Result(report, w =>
            {
                w.WriteLine($"Stored '{report.FileName}': {report.Imported} of {report.RowsRead} row(s) imported{(report.ClassNames.Count > 0 ? $", classes {string.Join(", ", report.ClassNames)}" : "")}.");
                foreach (var problem in report.Problems)
                    w.WriteLine($"  {problem.Kind}: {problem.Reason}");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
