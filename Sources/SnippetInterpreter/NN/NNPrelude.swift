extension NNPrelude {
    /// `torch.nn`'s Module machinery and containers, ported from PyTorch's Python sources so registration
    /// order, parameter names, reprs and messages match it. Runs with `torch`, `F`, `init`, `math`,
    /// `Parameter` and the `_own`/`_forget`/`_typename`/`_no_attribute` natives already bound.
    static let moduleMachinery = #"""
def __getattr__(name):
    raise NotImplementedError(f"torch.nn.{name} is not supported in quiz snippets")


def _addindent(s_, numSpaces):
    s = s_.split('\n')
    if len(s) == 1:
        return s_
    first = s.pop(0)
    s = [(numSpaces * ' ') + line for line in s]
    return first + '\n' + '\n'.join(s)


class _OrderedDictView:
    def __init__(self, kind, items):
        self._kind = kind
        self._items = items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __contains__(self, item):
        return item in self._items

    def __repr__(self):
        return self._kind + '(' + repr(self._items) + ')'


class _StateDict:
    """`collections.OrderedDict` as `state_dict()` returns it (Python 3.11 reprs)."""

    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data.keys()))

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return _OrderedDictView('odict_keys', list(self._data.keys()))

    def values(self):
        return _OrderedDictView('odict_values', list(self._data.values()))

    def items(self):
        return _OrderedDictView('odict_items', list(self._data.items()))

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return 'OrderedDict(' + repr(list(self._data.items())) + ')'


class Module:
    def __init__(self, *args, **kwargs):
        object.__setattr__(self, 'training', True)
        object.__setattr__(self, '_parameters', {})
        object.__setattr__(self, '_buffers', {})
        object.__setattr__(self, '_modules', {})

    def forward(self, *input):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def _check_initialized(self, what):
        if not _own(self, '_parameters'):
            raise AttributeError(f"cannot assign {what} before Module.__init__() call")

    def register_buffer(self, name, tensor, persistent=True):
        self._check_initialized('buffer')
        if not isinstance(name, str):
            raise TypeError(f"buffer name should be a string. Got {type(name).__name__}")
        if '.' in name:
            raise KeyError('buffer name can\'t contain "."')
        if name == '':
            raise KeyError('buffer name can\'t be empty string ""')
        if hasattr(self, name) and name not in self._buffers:
            raise KeyError(f"attribute '{name}' already exists")
        if tensor is not None and not isinstance(tensor, torch.Tensor):
            raise TypeError(f"cannot assign '{_typename(tensor)}' object to buffer '{name}' (torch Tensor or None required)")
        self._buffers[name] = tensor

    def register_parameter(self, name, param):
        self._check_initialized('parameter')
        if not isinstance(name, str):
            raise TypeError(f"parameter name should be a string. Got {type(name).__name__}")
        if '.' in name:
            raise KeyError('parameter name can\'t contain "."')
        if name == '':
            raise KeyError('parameter name can\'t be empty string ""')
        if hasattr(self, name) and name not in self._parameters:
            raise KeyError(f"attribute '{name}' already exists")
        if param is None:
            self._parameters[name] = None
        elif not isinstance(param, Parameter):
            raise TypeError(f"cannot assign '{_typename(param)}' object to parameter '{name}' (torch.nn.Parameter or None required)")
        else:
            self._parameters[name] = param

    def add_module(self, name, module):
        if not isinstance(module, Module) and module is not None:
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {type(name).__name__}")
        if hasattr(self, name) and name not in self._modules:
            raise KeyError(f"attribute '{name}' already exists")
        if '.' in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        if name == '':
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    def register_module(self, name, module):
        self.add_module(name, module)

    def get_submodule(self, target):
        if target == '':
            return self
        mod = self
        for item in target.split('.'):
            if item not in mod._modules:
                raise AttributeError(mod._get_name() + ' has no attribute `' + item + '`')
            mod = mod._modules[item]
        return mod

    def get_parameter(self, target):
        module_path, _, param_name = target.rpartition('.')
        mod = self.get_submodule(module_path)
        if param_name not in mod._parameters:
            raise AttributeError(mod._get_name() + ' has no attribute `' + param_name + '`')
        return mod._parameters[param_name]

    def __getattr__(self, name):
        if name in ('_parameters', '_buffers', '_modules'):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        if name in self._parameters:
            return self._parameters[name]
        if name in self._buffers:
            return self._buffers[name]
        if name in self._modules:
            return self._modules[name]
        _no_attribute(self, name)

    def __setattr__(self, name, value):
        if isinstance(value, Parameter):
            self._check_initialized('parameters')
            _forget(self, name)
            self._buffers.pop(name, None)
            self._modules.pop(name, None)
            self.register_parameter(name, value)
            return
        if _own(self, '_parameters') and name in self._parameters:
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as parameter '{name}' (torch.nn.Parameter or None expected)")
            self.register_parameter(name, value)
            return
        if isinstance(value, Module):
            self._check_initialized('module')
            _forget(self, name)
            self._parameters.pop(name, None)
            self._buffers.pop(name, None)
            self._modules[name] = value
            return
        if _own(self, '_modules') and name in self._modules:
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as child module '{name}' (torch.nn.Module or None expected)")
            self._modules[name] = value
            return
        if _own(self, '_buffers') and name in self._buffers:
            if value is not None and not isinstance(value, torch.Tensor):
                raise TypeError(f"cannot assign '{_typename(value)}' as buffer '{name}' (torch.Tensor or None expected)")
            self._buffers[name] = value
            return
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._buffers:
            del self._buffers[name]
        elif name in self._modules:
            del self._modules[name]
        else:
            _forget(self, name, True)

    def _named_members(self, attribute, prefix='', recurse=True, remove_duplicate=True):
        memo = set()
        result = []
        modules = self._named_modules_list(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for k, v in getattr(module, attribute).items():
                if v is None or id(v) in memo:
                    continue
                if remove_duplicate:
                    memo.add(id(v))
                result.append((module_prefix + ('.' if module_prefix else '') + k, v))
        return result

    def parameters(self, recurse=True):
        return iter([p for _, p in self._named_members('_parameters', recurse=recurse)])

    def named_parameters(self, prefix='', recurse=True, remove_duplicate=True):
        return iter(self._named_members('_parameters', prefix, recurse, remove_duplicate))

    def buffers(self, recurse=True):
        return iter([b for _, b in self._named_members('_buffers', recurse=recurse)])

    def named_buffers(self, prefix='', recurse=True, remove_duplicate=True):
        return iter(self._named_members('_buffers', prefix, recurse, remove_duplicate))

    def _named_children_list(self):
        memo = set()
        result = []
        for name, module in self._modules.items():
            if module is not None and id(module) not in memo:
                memo.add(id(module))
                result.append((name, module))
        return result

    def children(self):
        return iter([m for _, m in self._named_children_list()])

    def named_children(self):
        return iter(self._named_children_list())

    def _named_modules_list(self, memo=None, prefix='', remove_duplicate=True):
        if memo is None:
            memo = set()
        result = []
        if id(self) not in memo:
            if remove_duplicate:
                memo.add(id(self))
            result.append((prefix, self))
            for name, module in self._modules.items():
                if module is None:
                    continue
                result.extend(module._named_modules_list(memo, prefix + ('.' if prefix else '') + name, remove_duplicate))
        return result

    def modules(self):
        return iter([m for _, m in self._named_modules_list()])

    def named_modules(self, memo=None, prefix='', remove_duplicate=True):
        return iter(self._named_modules_list(memo, prefix, remove_duplicate))

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        pass

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    def to(self, *args, **kwargs):
        return self

    def cpu(self):
        return self

    def float(self):
        return self

    def state_dict(self, destination=None, prefix='', keep_vars=False):
        if destination is None:
            destination = _StateDict()
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.detach()
        for name, buf in self._buffers.items():
            if buf is not None:
                destination[prefix + name] = buf if keep_vars else buf.detach()
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination, prefix + name + '.', keep_vars)
        return destination

    def extra_repr(self):
        return ''

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra_lines = []
        extra_repr = self.extra_repr()
        if extra_repr:
            extra_lines = extra_repr.split('\n')
        child_lines = []
        for key, module in self._modules.items():
            mod_str = _addindent(repr(module), 2)
            child_lines.append('(' + key + '): ' + mod_str)
        lines = extra_lines + child_lines
        main_str = self._get_name() + '('
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main_str += extra_lines[0]
            else:
                main_str += '\n  ' + '\n  '.join(lines) + '\n'
        main_str += ')'
        return main_str


def _index_in_range(module, idx):
    size = len(module)
    if not isinstance(idx, int):
        raise TypeError(f"'{type(idx).__name__}' object cannot be interpreted as an integer")
    if not (-size <= idx < size):
        raise IndexError(f"index {idx} is out of range")
    return idx % size


class Sequential(Module):
    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], dict):
            for key, module in args[0].items():
                self.add_module(key, module)
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return Sequential(dict(list(self._modules.items())[idx]))
        return list(self._modules.values())[_index_in_range(self, idx)]

    def __setitem__(self, idx, module):
        key = list(self._modules.keys())[_index_in_range(self, idx)]
        setattr(self, key, module)

    def __delitem__(self, idx):
        if isinstance(idx, slice):
            for key in list(self._modules.keys())[idx]:
                delattr(self, key)
        else:
            delattr(self, list(self._modules.keys())[_index_in_range(self, idx)])
        values = list(self._modules.values())
        self._modules.clear()
        for i, module in enumerate(values):
            self._modules[str(i)] = module

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(list(self._modules.values()))

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def forward(self, input):
        for module in self:
            input = module(input)
        return input


class ModuleList(Module):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ModuleList(list(self._modules.values())[idx])
        return self._modules[str(_index_in_range(self, idx))]

    def __setitem__(self, idx, module):
        idx = _index_in_range(self, idx)
        setattr(self, str(idx), module)

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(list(self._modules.values()))

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        offset = len(self)
        for i, module in enumerate(modules):
            self.add_module(str(offset + i), module)
        return self

    def insert(self, index, module):
        for i in range(len(self._modules), index, -1):
            self._modules[str(i)] = self._modules[str(i - 1)]
        self._modules[str(index)] = module

    def __repr__(self):
        list_of_reprs = [repr(item) for item in self]
        if len(list_of_reprs) == 0:
            return self._get_name() + "()"
        start_end_indices = [[0, 0]]
        repeated_blocks = [list_of_reprs[0]]
        for i, r in enumerate(list_of_reprs[1:], 1):
            if r == repeated_blocks[-1]:
                start_end_indices[-1][1] += 1
                continue
            start_end_indices.append([i, i])
            repeated_blocks.append(r)
        lines = []
        for (start_id, end_id), b in zip(start_end_indices, repeated_blocks):
            local_repr = f"({start_id}): {b}"
            if start_id != end_id:
                n = end_id - start_id + 1
                local_repr = f"({start_id}-{end_id}): {n} x {b}"
            lines.append(_addindent(local_repr, 2))
        return self._get_name() + "(" + "\n  " + "\n  ".join(lines) + "\n" + ")"


class ModuleDict(Module):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        return self._modules[key]

    def __setitem__(self, key, module):
        self.add_module(key, module)

    def __delitem__(self, key):
        del self._modules[key]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(list(self._modules.keys()))

    def __contains__(self, key):
        return key in self._modules

    def keys(self):
        return self._modules.keys()

    def items(self):
        return self._modules.items()

    def values(self):
        return self._modules.values()

    def update(self, modules):
        items = modules.items() if isinstance(modules, (dict, ModuleDict)) else modules
        for key, module in items:
            self[key] = module
"""#
}
