import LockstepLeads
import LockstepMarketing
import LockstepShell
import LockstepStages

#if canImport(Glibc)
import Glibc
#endif

#if canImport(Glibc)
import CMalloc

// Blocks of a megabyte or more come from their own mappings and go back to the system when
// freed. glibc's default moves that threshold up after the first such block is freed, and a
// large workbook, read a run of items at a time, then kept every run's freed arrays resident.
_ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
#endif

exit(
    Lockstep.main(
        arguments: Array(CommandLine.arguments.dropFirst()),
        plugins: [LeadsPlugin(), StagesPlugin(), MarketingPlugin()],
        teaching: (TeachingWorkbook.name, TeachingWorkbook.text)))
