// A gate that stays closed: the combobox must not call attachInternals under synthetic shadow.
export default { isOpen: () => false };
