# Types for pysdl2-dll, which ships none (setup.cfg [mypy] mypy_path): importing it points pysdl2 at
# the SDL2 library in the wheel.

__version__: str

def get_dllpath() -> str: ...
