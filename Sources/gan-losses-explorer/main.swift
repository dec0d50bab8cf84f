import GanLossesCommands

GanLosses.run(ExplorerCommand.self)
