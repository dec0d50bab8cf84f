import GanLossesCommands

GanLosses.main()
