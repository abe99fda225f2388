using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Contracts;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages;

public sealed class IndexModel(ParIndexReader reader) : PageModel
{
    public IReadOnlyList<CycleInfo> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cycles = await reader.CyclesAsync(cancellationToken);
}
