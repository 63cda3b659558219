"""Register and money: the register, award kinds and base salary, money, fund, certificates."""
