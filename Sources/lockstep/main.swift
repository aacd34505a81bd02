#if canImport(Glibc)
import Glibc
#endif
import LockstepLeads
import LockstepMarketing
import LockstepShell
import LockstepStages

exit(Lockstep.main(arguments: Array(CommandLine.arguments.dropFirst()),
                   plugins: [LeadsPlugin(), StagesPlugin(), MarketingPlugin()],
                   teaching: (TeachingWorkbook.name, TeachingWorkbook.text)))
